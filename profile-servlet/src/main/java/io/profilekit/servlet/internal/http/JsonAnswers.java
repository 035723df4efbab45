package io.profilekit.servlet.internal.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.profilekit.core.StoredDocument;
import io.profilekit.core.internal.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * Every successful JSON answer: one stored document, the seed's JSON array of them, or a page of
 * the listing. Stored bytes are passed through unparsed.
 */
public final class JsonAnswers {

    public static final String JSON = "application/json";

    private JsonAnswers() {
    }

    /** One stored document, as it is stored. */
    public static Answer document(int status, StoredDocument document) {
        return Answer.of(status, JSON, bytes(document));
    }

    /**
     * One stored document with one more string field, {@code name} (plain ASCII, ours), added
     * at its end; the stored bytes are otherwise passed through.
     */
    public static Answer document(int status, StoredDocument document, String name, String value) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(document.jsonLength() + 256);
        writeWithField(body, document, name, value);
        return Answer.of(status, JSON, body.toByteArray());
    }

    /** Stored documents as the seed's API answered: a JSON array. */
    public static Answer array(List<? extends StoredDocument> documents) {
        int length = 2 + Math.max(0, documents.size() - 1);
        for (StoredDocument document : documents) {
            length += document.jsonLength();
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(length);
        body.write('[');
        for (int i = 0; i < documents.size(); i++) {
            if (i > 0) {
                body.write(',');
            }
            write(body, documents.get(i));
        }
        body.write(']');
        return Answer.of(200, JSON, body.toByteArray());
    }

    /**
     * A page of the listing: {@code {"items":[...],"next":"<relative URL>"|null}}, each item with
     * the string field {@code name} whose value {@code values} gives (or as stored when
     * {@code name} is {@code null}).
     */
    public static <T extends StoredDocument> Answer page(List<T> items, String next, String name,
            Function<T, String> values) {
        ByteArrayOutputStream body = itemsOf(items, name, values);
        body.writeBytes(",\"next\":".getBytes(StandardCharsets.US_ASCII));
        try (JsonGenerator out = Json.FACTORY.createGenerator(body)) {
            out.writeString(next);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        body.write('}');
        return Answer.of(200, JSON, body.toByteArray()).header("Cache-Control", EntityTags.REVALIDATE);
    }

    /** Items without pages, as search answers them: {@code {"items":[...]}}, with {@code name} as in {@link #page}. */
    public static <T extends StoredDocument> Answer items(List<T> items, String name, Function<T, String> values) {
        ByteArrayOutputStream body = itemsOf(items, name, values);
        body.write('}');
        return Answer.of(200, JSON, body.toByteArray()).header("Cache-Control", EntityTags.REVALIDATE);
    }

    /** {@code {"items":[...]}} without its closing brace. */
    private static <T extends StoredDocument> ByteArrayOutputStream itemsOf(List<T> items, String name,
            Function<T, String> values) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(256 + items.size() * 512);
        body.writeBytes("{\"items\":[".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                body.write(',');
            }
            if (name == null) {
                write(body, items.get(i));
            } else {
                writeWithField(body, items.get(i), name, values.apply(items.get(i)));
            }
        }
        body.write(']');
        return body;
    }

    private static byte[] bytes(StoredDocument document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(document.jsonLength());
        write(out, document);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, StoredDocument document) {
        try {
            document.writeJson(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document's bytes up to its closing brace, then {@code ,"name":"value"}}. */
    private static void writeWithField(ByteArrayOutputStream out, StoredDocument document, String name, String value) {
        byte[] json = bytes(document);
        int end = json.length - 1;
        while (end >= 0 && json[end] != '}') {
            end--;
        }
        int last = end - 1;
        while (last >= 0 && Character.isWhitespace(json[last])) {
            last--;
        }
        if (end < 0 || last < 0) {
            out.writeBytes(json);
            return;
        }
        out.write(json, 0, end);
        if (json[last] != '{') {
            out.write(',');
        }
        out.writeBytes(('"' + name + "\":").getBytes(StandardCharsets.US_ASCII));
        try (JsonGenerator field = Json.FACTORY.createGenerator(out)) {
            field.writeString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('}');
    }
}
