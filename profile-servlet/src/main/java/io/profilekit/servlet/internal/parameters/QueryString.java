package io.profilekit.servlet.internal.parameters;

import io.profilekit.servlet.internal.http.HttpProblem;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A query string decoded strictly, the same in every container: {@code +} is a space, every
 * {@code %} is followed by two hex digits, and the bytes are UTF-8. A container's own parameter
 * parsing differs (Jetty throws, Tomcat drops what it cannot decode) and names no parameter.
 */
public final class QueryString {

    private QueryString() {
    }

    /**
     * The parameters of a raw query string, each with its values in order.
     *
     * @param raw the query string as sent, or {@code null} for none
     * @throws HttpProblem 400 saying what is wrong with the encoding
     */
    public static Map<String, String[]> parse(String raw) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
        }
        Map<String, String[]> result = new LinkedHashMap<>();
        parameters.forEach((name, values) -> result.put(name, values.toArray(String[]::new)));
        return result;
    }

    /**
     * Refuses a parameter that is not {@code known}, or is given more than once.
     *
     * @param route what the route is called in the message ("the listing", "search")
     * @throws HttpProblem 400 naming the parameter and what the route takes
     */
    public static void checkKnown(Map<String, String[]> parameters, List<String> known, String route) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (!known.contains(parameter.getKey())) {
                throw HttpProblem.badRequest("unknown query parameter '" + parameter.getKey() + "'; " + route
                        + " takes " + String.join(", ", known.subList(0, known.size() - 1))
                        + (known.size() > 1 ? " and " : "") + known.get(known.size() - 1));
            }
            if (parameter.getValue().length > 1) {
                throw HttpProblem.badRequest("query parameter '" + parameter.getKey() + "' is given more than once");
            }
        }
    }

    /** The first value of {@code name} in parsed {@code parameters}, or {@code null}. */
    public static String first(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        return values == null ? null : values[0];
    }

    private static String decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(encoded.charAt(i + 2), 16);
                if (low < 0) {
                    throw HttpProblem.badRequest("the query string has a '%' not followed by two hex digits");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw HttpProblem.badRequest("the query string is not UTF-8 once percent-decoded");
        }
    }
}
