package io.profilekit.servlet.internal.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.profilekit.core.StoredDocument;
import io.profilekit.core.internal.Json;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * Writes every successful JSON answer: one stored document, the seed's JSON array of them, or
 * a page of the listing. Stored bytes are passed through unparsed; the headers every answer
 * carries come from the observation filter.
 */
public final class JsonResponses {

    private static final String JSON = "application/json";

    private JsonResponses() {
    }

    /** One stored document, as it is stored. */
    public static void document(HttpServletResponse response, int status, StoredDocument document) throws IOException {
        response.setStatus(status);
        response.setContentType(JSON);
        response.setContentLength(document.jsonLength());
        document.writeJson(response.getOutputStream());
    }

    /**
     * One stored document with one more string field, {@code name} (plain ASCII, ours), added
     * at its end; the stored bytes are otherwise passed through.
     */
    public static void document(HttpServletResponse response, int status, StoredDocument document, String name,
            String value) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(document.jsonLength() + 256);
        writeWithField(body, document, name, value);
        response.setStatus(status);
        response.setContentType(JSON);
        response.setContentLength(body.size());
        body.writeTo(response.getOutputStream());
    }

    /** Stored documents as the seed's API answered: a JSON array. */
    public static void array(HttpServletResponse response, List<? extends StoredDocument> documents)
            throws IOException {
        int length = 2 + Math.max(0, documents.size() - 1);
        for (StoredDocument document : documents) {
            length += document.jsonLength();
        }
        response.setStatus(200);
        response.setContentType(JSON);
        response.setContentLength(length);
        ServletOutputStream out = response.getOutputStream();
        out.write('[');
        for (int i = 0; i < documents.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            documents.get(i).writeJson(out);
        }
        out.write(']');
    }

    /**
     * A page of the listing: {@code {"items":[...],"next":"<relative URL>"|null}}, each item with
     * the string field {@code name} whose value {@code values} gives (or as stored when
     * {@code name} is {@code null}).
     */
    public static <T extends StoredDocument> void page(HttpServletResponse response, List<T> items, String next,
            String name, Function<T, String> values) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(256 + items.size() * 512);
        body.write("{\"items\":[".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                body.write(',');
            }
            if (name == null) {
                items.get(i).writeJson(body);
            } else {
                writeWithField(body, items.get(i), name, values.apply(items.get(i)));
            }
        }
        body.write("],\"next\":".getBytes(StandardCharsets.US_ASCII));
        try (JsonGenerator out = Json.FACTORY.createGenerator(body)) {
            out.writeString(next);
        }
        body.write('}');
        response.setStatus(200);
        response.setContentType(JSON);
        response.setHeader("Cache-Control", EntityTags.REVALIDATE);
        response.setContentLength(body.size());
        body.writeTo(response.getOutputStream());
    }

    /** The document's bytes up to its closing brace, then {@code ,"name":"value"}}. */
    private static void writeWithField(ByteArrayOutputStream out, StoredDocument document, String name, String value)
            throws IOException {
        ByteArrayOutputStream stored = new ByteArrayOutputStream(document.jsonLength());
        document.writeJson(stored);
        byte[] json = stored.toByteArray();
        int end = json.length - 1;
        while (end >= 0 && json[end] != '}') {
            end--;
        }
        int last = end - 1;
        while (last >= 0 && Character.isWhitespace(json[last])) {
            last--;
        }
        if (end < 0 || last < 0) {
            out.write(json);
            return;
        }
        out.write(json, 0, end);
        if (json[last] != '{') {
            out.write(',');
        }
        out.write(('"' + name + "\":").getBytes(StandardCharsets.US_ASCII));
        try (JsonGenerator field = Json.FACTORY.createGenerator(out)) {
            field.writeString(value);
        }
        out.write('}');
    }
}
