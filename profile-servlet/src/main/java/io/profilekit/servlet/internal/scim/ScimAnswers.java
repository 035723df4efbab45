package io.profilekit.servlet.internal.scim;

import com.fasterxml.jackson.core.JsonGenerator;
import io.profilekit.core.internal.Json;
import io.profilekit.core.scim.ScimSchemas;
import io.profilekit.servlet.internal.http.Answer;
import io.profilekit.servlet.internal.http.ErrorAnswers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** SCIM's answers: {@code application/scim+json}, and the ListResponse message of queries. */
final class ScimAnswers {

    private ScimAnswers() {
    }

    static Answer of(int status, byte[] body) {
        return Answer.of(status, ErrorAnswers.SCIM, body);
    }

    /** A ListResponse holding {@code resources} (each a JSON object), of {@code total} in all, from {@code startIndex}. */
    static Answer list(long total, int startIndex, List<byte[]> resources) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256 + resources.size() * 512);
        try (JsonGenerator out = Json.FACTORY.createGenerator(buffer)) {
            out.writeStartObject();
            out.writeArrayFieldStart("schemas");
            out.writeString(ScimSchemas.LIST_RESPONSE);
            out.writeEndArray();
            out.writeNumberField("totalResults", total);
            out.writeNumberField("startIndex", startIndex);
            out.writeNumberField("itemsPerPage", resources.size());
            out.writeArrayFieldStart("Resources");
            for (byte[] resource : resources) {
                out.writeRawValue(new String(resource, StandardCharsets.UTF_8));
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(200, buffer.toByteArray());
    }
}
