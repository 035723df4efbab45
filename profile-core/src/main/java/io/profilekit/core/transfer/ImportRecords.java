package io.profilekit.core.transfer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.profilekit.core.MalformedProfileException;
import io.profilekit.core.internal.Json;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The records of an import file, one at a time, each with the line it starts on, so that memory
 * stays flat whatever the file's size. A file that starts with {@code [} is a JSON array of
 * records (Auth0's import job, SCIM); a Keycloak file that starts with <code>{</code> is a realm
 * export, whose {@code users} array is read; any other file is NDJSON, a record per line (blank
 * lines skipped), so that one broken line is rejected and the rest still read.
 */
final class ImportRecords implements AutoCloseable {

    /**
     * A record and the line it starts on (1 for the first).
     *
     * @param picture the picture line that follows a profile's in an export with pictures, or {@code null}
     */
    record Record(long line, byte[] bytes, byte[] picture) {
    }

    private final BufferedReader lines;
    private final JsonParser array;
    private long lineNumber;
    /** A line read to see whether it is a picture line, and found not to be: the next record. */
    private Record lookahead;

    private ImportRecords(BufferedReader lines, JsonParser array) {
        this.lines = lines;
        this.array = array;
    }

    static ImportRecords open(InputStream input, ImportFormat format) throws IOException {
        BufferedInputStream in = new BufferedInputStream(input, 64 * 1024);
        int first = firstNonSpace(in);
        if (first == '[' || first == '{' && format == ImportFormat.KEYCLOAK) {
            JsonParser parser = Json.FACTORY.createParser(in);
            try {
                JsonToken start = parser.nextToken();
                if (start == JsonToken.START_OBJECT && !toUsers(parser)) {
                    parser.close();
                    return new ImportRecords(null, null);
                }
            } catch (JacksonException e) {
                parser.close();
                throw unreadable(parser, e);
            }
            return new ImportRecords(null, parser);
        }
        return new ImportRecords(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), null);
    }

    /** Moves a realm export's parser into its {@code users} array; false when it has none. */
    private static boolean toUsers(JsonParser parser) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("users") && value == JsonToken.START_ARRAY) {
                return true;
            }
            parser.skipChildren();
        }
        return false;
    }

    private static int firstNonSpace(BufferedInputStream in) throws IOException {
        while (true) {
            in.mark(1);
            int next = in.read();
            if (next < 0 || !Character.isWhitespace(next) && next != 0xEF && next != 0xBB && next != 0xBF) {
                in.reset();
                return next;
            }
        }
    }

    /**
     * The next record, or {@code null} after the last.
     *
     * @throws MalformedProfileException when a JSON array breaks off, after which nothing more can be read
     */
    Record next() {
        try {
            return array != null ? nextElement() : lines != null ? nextLine() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next line's record, with the picture line after it when there is one. */
    private Record nextLine() throws IOException {
        Record record = lookahead != null ? lookahead : readLine();
        lookahead = null;
        if (record == null || PictureLines.is(record.bytes())) {
            return record;
        }
        Record following = readLine();
        if (following != null && PictureLines.is(following.bytes())) {
            return new Record(record.line(), record.bytes(), following.bytes());
        }
        lookahead = following;
        return record;
    }

    private Record readLine() throws IOException {
        String line;
        do {
            line = lines.readLine();
            lineNumber++;
            if (line == null) {
                return null;
            }
        } while (line.isBlank());
        return new Record(lineNumber, line.getBytes(StandardCharsets.UTF_8), null);
    }

    private Record nextElement() throws IOException {
        try {
            JsonToken token = array.nextToken();
            if (token == null || token == JsonToken.END_ARRAY) {
                return null;
            }
            long line = array.currentTokenLocation().getLineNr();
            JsonNode element = Json.MAPPER.readTree(array);
            return new Record(line, Json.MAPPER.writeValueAsBytes(element), null);
        } catch (JacksonException e) {
            throw unreadable(array, e);
        }
    }

    private static MalformedProfileException unreadable(JsonParser parser, JacksonException e) {
        return new MalformedProfileException("the file is not JSON from line " + parser.currentLocation().getLineNr()
                + " on (" + e.getOriginalMessage() + "); nothing after it was read");
    }

    @Override
    public void close() throws IOException {
        if (array != null) {
            array.close();
        }
        if (lines != null) {
            lines.close();
        }
    }
}
