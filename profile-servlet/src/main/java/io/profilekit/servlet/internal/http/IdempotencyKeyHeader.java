package io.profilekit.servlet.internal.http;

import io.profilekit.core.IdempotencyKey;
import java.util.List;
import java.util.Optional;

/**
 * The {@code Idempotency-Key} request header of the IETF httpapi draft: a structured-field
 * string ({@code "8e03978e-40d5-43e8-bc93-6894a57f9324"}), or, as many clients send it, the
 * same key bare. One key of 1 to 255 printable ASCII characters; anything else is 400.
 */
public final class IdempotencyKeyHeader {

    public static final String NAME = "Idempotency-Key";

    private IdempotencyKeyHeader() {
    }

    /** The request's key, if it sent one. */
    public static Optional<String> of(Request request) {
        List<String> values = request.headers(NAME);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw refused("one Idempotency-Key header, not " + values.size());
        }
        String value = values.get(0).strip();
        String key = value.startsWith("\"") ? unquoted(value) : bare(value);
        if (key.isEmpty() || key.length() > IdempotencyKey.MAX_LENGTH) {
            throw refused("an Idempotency-Key of 1 to " + IdempotencyKey.MAX_LENGTH + " characters");
        }
        return Optional.of(key);
    }

    /** An RFC 8941 string: {@code "}, printable ASCII with {@code \"} and {@code \\} escaped, {@code "}. */
    private static String unquoted(String value) {
        StringBuilder key = new StringBuilder();
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                if (i != value.length() - 1) {
                    throw refused("nothing after the quoted Idempotency-Key");
                }
                return key.toString();
            }
            if (c == '\\') {
                i++;
                if (i >= value.length() || value.charAt(i) != '"' && value.charAt(i) != '\\') {
                    throw refused("an Idempotency-Key string whose only escapes are \\\" and \\\\");
                }
                c = value.charAt(i);
            } else if (c < 0x20 || c >= 0x7f) {
                throw refused("an Idempotency-Key of printable ASCII characters");
            }
            key.append(c);
        }
        throw refused("a closing quote after the Idempotency-Key");
    }

    /** A key sent without quotes: printable ASCII without spaces, quotes, commas or backslashes. */
    private static String bare(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '"' || c == ',' || c == '\\') {
                throw refused("an Idempotency-Key string such as \"8e03978e-40d5-43e8-bc93-6894a57f9324\"");
            }
        }
        return value;
    }

    private static HttpProblem refused(String expected) {
        return HttpProblem.badRequest("Idempotency-Key: expected " + expected);
    }
}
