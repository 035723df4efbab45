package io.profilekit.servlet.internal;

import io.profilekit.servlet.internal.http.Route;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Generates the requests a hostile client writes on a socket, from a seed, so that a failure
 * can be replayed: every route and method, and methods none has; path and percent-encoding
 * tricks; header shapes (missing, repeated, folded, oversized, control characters); media
 * types and charsets; conditional headers; bodies of every shape; lying lengths and broken
 * chunking. Each request is whole bytes, ready to write.
 */
final class HostileRequests {

    private static final List<String> METHODS = List.of("GET", "GET", "HEAD", "POST", "POST", "PUT", "PUT",
            "PATCH", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND", "get", "G\tET", "BREW", "");
    private static final List<String> IDS = List.of("1", "2", "3", "0", "-1", "007", "99999999999999999999",
            "abc", "%31", "1%00", "1%2F2", "..", "%2e%2e", "1;x", ";x", "1%3Bx", "%", "%zz", "%ff", "%C3%A9",
            "\u00e9", "1 2", "1\t", "{id}", "*", "1.0", "1e3", "0x10", "+1", "A".repeat(300), "1".repeat(19));
    private static final List<String> QUERIES = List.of("", "", "", "?", "?limit=0", "?limit=abc", "?limit=1001",
            "?limit=1&limit=2", "?after=-1", "?after=x", "?%zz=1", "?email=%ff", "?username=%C3", "?x=1",
            "?username=ada1815", "?nickname=ada", "?email=ada%40example.com", "?limit=%zz", "?a=b=c", "?&&",
            "?username=", "?limit=5&after=2", "?q=" + "x".repeat(3000), "?q=ada", "?q=l%C3%B6l%20a&limit=50",
            "?q=%F0%9F%98%80", "?q=%CC%81%CC%81", "?q=.%20.", "?q=ada&limit=51", "?q=%00", "?q=" + "a%20".repeat(40),
            "?filter=userName%20eq%20%22ada1815%22", "?filter=userName%20eq%20%22ADA1815%22&startIndex=1&count=100",
            "?filter=id%20eq%20%221%22", "?filter=externalId%20eq%20%22x%22", "?filter=" + "(".repeat(60),
            "?filter=emails%5Btype%20eq%20%22work%22%5D.value%20eq%20%22x%22", "?filter=%zz", "?filter=not%20",
            "?filter=userName%20eq%20%22%5Cu12%22", "?filter=title%20gt%201e999999", "?startIndex=-5&count=99999",
            "?count=abc", "?startIndex=2147483648", "?filter=userName%20pr%20and%20" + "not%20(".repeat(30));
    private static final List<String> VERSIONS = List.of("HTTP/1.1", "HTTP/1.1", "HTTP/1.1", "HTTP/1.1",
            "HTTP/1.1", "HTTP/1.0", "HTTP/2.0", "HTTP/1.2", "FOO", "HTTP/1.1x", "http/1.1", "");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json",
            "application/json; charset=utf-8", "application/json; charset=ebcdic", "application/json; charset=",
            "application/json; charset=\"UTF-8\"", "application/json;;;", "APPLICATION/JSON", "application/merge-patch+json",
            "application/merge-patch+json; charset=utf-16", "image/png", "image/jpeg", "text/plain", "multipart/form-data",
            "application/x-www-form-urlencoded", "*/*", ";", "application/json; charset=utf-8; charset=latin1",
            "application/scim+json", "application/scim+json; charset=utf-8");
    private static final List<String> ENTITY_TAGS = List.of("*", "\"1\"", "W/\"1\"", "\"abc\", \"def\"", "\"",
            "garbage", "\"" + "9".repeat(40) + "\"", ",", "W/", "\"1\", *", "\"\u00e9\"");
    private static final List<String> BODIES = List.of(
            "{\"user_id\":\"u%d\",\"name\":\"N\"}", "{\"user_id\":\"u%d\",\"email\":\"x@example.com\"}",
            "{\"name\":\"only a name %d\"}", "{", "[]", "null", "\"\\ud800\"", "{\"user_id\":\"\\ud800\"}",
            "{\"user_id\":\"a\",\"user_id\":\"b\"}", "{\"record_id\":-5,\"user_id\":\"r%d\"}",
            "{\"record_id\":1e400,\"user_id\":\"r%d\"}", "{\"picture\":\"x\"}", "{\"user_id\":123}",
            "{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}", "{\"n\":" + "9".repeat(100) + "}",
            "\u0000\u0001\u0002", "\u0089PNG\r\n\u001a\n\u0000\u0000", "\u00ff\u00d8\u00ff\u00e0 truncated",
            "GIF89a", "RIFF\u0000\u0000\u0000\u0000WEBPVP8 ", "", "{\"user_id\":\"" + "x".repeat(70_000) + "\"}",
            "{\"userName\":\"s%d\",\"emails\":[{\"value\":\"s@example.com\",\"primary\":\"True\"}]}",
            "{\"userName\":\"ada1815\",\"active\":\"maybe\"}", "{\"userName\":[],\"id\":\"%d\"}",
            "{\"Operations\":[{\"op\":\"Replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"x\"}]}",
            "{\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false,\"name.givenName\":\"A\"}}]}",
            "{\"Operations\":[{\"op\":\"remove\"}]}", "{\"Operations\":[{\"op\":\"add\",\"path\":\"[\",\"value\":1}]}",
            "{\"Operations\":[{\"op\":\"add\",\"path\":\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager\","
                    + "\"value\":[{\"value\":\"m\"}]}]}", "{\"Operations\":{}}");

    private final Random random;
    private final String token;
    private int serial;

    HostileRequests(long seed, String token) {
        this.random = new Random(seed);
        this.token = token;
    }

    /** The next request, as bytes. */
    byte[] next() {
        serial++;
        String method = pick(METHODS);
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target()).append(' ').append(pick(VERSIONS)).append("\r\n");
        if (chance(95)) {
            head.append("Host: localhost\r\n");
        }
        if (chance(5)) {
            head.append("Host: other\r\n");
        }
        authorization(head);
        byte[] body = chance(60) || method.startsWith("P") ? body() : new byte[0];
        if (chance(80) || body.length > 0) {
            head.append("Content-Type: ").append(pick(CONTENT_TYPES)).append("\r\n");
        }
        if (chance(15)) {
            head.append(chance(50) ? "If-Match: " : "If-None-Match: ").append(pick(ENTITY_TAGS)).append("\r\n");
        }
        if (chance(10)) {
            head.append("Accept: ").append(pick(List.of("application/json", "image/*", "*/*", "garbage", ""))).append("\r\n");
        }
        oddHeaders(head);
        return framed(head, body);
    }

    private String target() {
        int shape = random.nextInt(100);
        if (shape < 3) {
            return pick(List.of("*", "http://localhost/healthz", "//api/v1/id/1", "/api/v1/id/1#x", "api/v1/id/1",
                    "/%2e%2e/%2e%2e/etc/passwd", "/api/v1/../../healthz", "/api//v1/id/1", "/\u0000"));
        }
        Route route = pick(List.of(Route.values()));
        String path = route.template().replace("{username}", pick(List.of("ada1815", "nobody", "%zz", "a b", "\u00e9",
                "x".repeat(300), "..", "%2F")))
                .replace("{nickname}", pick(List.of("ada", "nobody", "%ff", "n;x", "")))
                .replace("{id}", pick(IDS))
                .replace("{resource}", pick(List.of("Groups", "Bulk", "Me", "Foo", "%zz", "Users%2F1", "")));
        if (chance(5)) {
            path += pick(List.of("/", "/extra", ";x", "/picture/x", "%20"));
        }
        return path + pick(QUERIES);
    }

    private void authorization(StringBuilder head) {
        int shape = random.nextInt(100);
        if (shape < 70) {
            head.append("Authorization: Bearer ").append(token).append("\r\n");
        } else if (shape < 78) {
            head.append("x-access-token: ").append(token).append("\r\n");
        } else if (shape < 84) {
            head.append("Authorization: ").append(pick(List.of("Bearer", "Bearer ", "Basic dXNlcjpwYXNz",
                    "Bearer " + token.toUpperCase(java.util.Locale.ROOT), "Bearer " + token + "x", "bearer " + token,
                    "Bearer  " + token, "Bearer " + token + ", Bearer other"))).append("\r\n");
        } else if (shape < 88) {
            head.append("Authorization: Bearer ").append(token).append("\r\nAuthorization: Bearer other\r\n");
        }
    }

    private void oddHeaders(StringBuilder head) {
        if (chance(3)) {
            head.append("X-Folded: a\r\n  folded\r\n");
        }
        if (chance(3)) {
            head.append("NoColon\r\n");
        }
        if (chance(2)) {
            head.append("X-Big: ").append("b".repeat(9_000)).append("\r\n");
        }
        if (chance(3)) {
            head.append("X-Control: a\u0001b\u007f\r\n");
        }
        if (chance(3)) {
            head.append("Expect: ").append(pick(List.of("100-continue", "teapot"))).append("\r\n");
        }
        if (chance(3)) {
            head.append(" Leading: space\r\n");
        }
        if (chance(2)) {
            head.append("X-Latin: caf\u00e9\r\n");
        }
    }

    private byte[] body() {
        String text = pick(BODIES);
        if (text.contains("%d")) {
            text = String.format(text, serial);
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Frames the body honestly, with a lying length, chunked (sometimes broken), or not at all. */
    private byte[] framed(StringBuilder head, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int framing = random.nextInt(100);
        byte[] sent = body;
        if (framing < 60) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        } else if (framing < 68) {
            head.append("Content-Length: ").append(body.length + 1 + random.nextInt(50)).append("\r\n");
        } else if (framing < 74 && body.length > 1) {
            head.append("Content-Length: ").append(random.nextInt(body.length)).append("\r\n");
        } else if (framing < 78) {
            head.append("Content-Length: ").append(pick(List.of("-1", "abc", "1, 2", " ", "99999999999999999999")))
                    .append("\r\n");
        } else if (framing < 81) {
            head.append("Content-Length: ").append(body.length).append("\r\nContent-Length: ").append(body.length + 1)
                    .append("\r\n");
        } else if (framing < 90) {
            head.append("Transfer-Encoding: chunked\r\n");
            sent = chunked(body, framing < 86);
        } else if (framing < 93) {
            head.append("Transfer-Encoding: chunked\r\nContent-Length: ").append(body.length).append("\r\n");
            sent = chunked(body, true);
        } else if (framing < 95) {
            head.append("Transfer-Encoding: ").append(pick(List.of("gzip", "chunked, gzip", "identity", "xchunked")))
                    .append("\r\n");
        }
        head.append(chance(5) ? "\n" : "\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(sent);
        return out.toByteArray();
    }

    private byte[] chunked(byte[] body, boolean wellFormed) {
        StringBuilder chunks = new StringBuilder();
        String text = new String(body, StandardCharsets.ISO_8859_1);
        if (wellFormed) {
            if (!text.isEmpty()) {
                chunks.append(Integer.toHexString(text.length())).append("\r\n").append(text).append("\r\n");
            }
            chunks.append("0\r\n\r\n");
        } else {
            chunks.append(pick(List.of("zz\r\n", "FFFFFFFFFFFFFFFFF\r\n", "5\r\nab\r\n0\r\n\r\n", "3;ext=\u0001\r\nabc\r\n0\r\n\r\n",
                    "-1\r\n", "2\r\nabcd\r\n0\r\n\r\n"))).append(text);
        }
        return chunks.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
