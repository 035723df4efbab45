package io.profilekit.core.transfer;

import com.fasterxml.jackson.core.JsonGenerator;
import io.profilekit.core.internal.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Where an import's rejected records go: one JSON object a line,
 * {@code {"line":12,"reason":"...","record":"<the record as it was>"}}, so that a person can read
 * why and a program can fix and import them again. Written from every writer's thread, in turn.
 */
final class RejectFile {

    private final OutputStream out;

    RejectFile(OutputStream out) {
        this.out = out;
    }

    synchronized void write(long line, String reason, byte[] record) {
        try {
            JsonGenerator json = Json.FACTORY.createGenerator(out);
            json.writeStartObject();
            json.writeNumberField("line", line);
            json.writeStringField("reason", reason);
            json.writeStringField("record", new String(record, StandardCharsets.UTF_8));
            json.writeEndObject();
            json.flush();
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reject file", e);
        }
    }

    synchronized void flush() throws IOException {
        out.flush();
    }
}
