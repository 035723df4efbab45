package io.profilekit.servlet.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A request for tests of what reads requests, without a server: a method, a path, headers, a
 * query and a body, set by the test.
 */
public final class FakeRequest implements Request {

    private final String method;
    private final String path;
    private final List<String[]> headers = new ArrayList<>();
    private String query;
    private byte[] body = new byte[0];
    private long contentLength = -1;
    private boolean bodyRead;
    private CompletableFuture<byte[]> arriving;

    private FakeRequest(String method, String path) {
        this.method = method;
        this.path = path;
    }

    public static FakeRequest of(String method, String path) {
        return new FakeRequest(method, path);
    }

    /** Adds a header value. */
    public FakeRequest header(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    public FakeRequest query(String value) {
        query = value;
        return this;
    }

    /** A body of these bytes, declared with their length. */
    public FakeRequest body(byte[] value) {
        body = value;
        contentLength = value.length;
        return this;
    }

    public FakeRequest body(String value) {
        return body(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A body that arrives when the test completes {@code body}. */
    public FakeRequest arriving(CompletableFuture<byte[]> body) {
        arriving = body;
        return this;
    }

    /** Declares a length, whatever the body. */
    public FakeRequest contentLength(long value) {
        contentLength = value;
        return this;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String header(String name) {
        List<String> values = headers(name);
        return values.isEmpty() ? null : values.get(0);
    }

    @Override
    public List<String> headers(String name) {
        List<String> values = new ArrayList<>();
        for (String[] header : headers) {
            if (header[0].equalsIgnoreCase(name)) {
                values.add(header[1]);
            }
        }
        return values;
    }

    @Override
    public boolean hasPathParameters() {
        return path.indexOf(';') >= 0;
    }

    @Override
    public String query() {
        return query;
    }

    @Override
    public long contentLength() {
        return contentLength;
    }

    @Override
    public CompletableFuture<byte[]> body(int max) {
        if (arriving != null) {
            return arriving.thenApply(bytes -> {
                bodyRead = true;
                return bytes;
            });
        }
        if (body.length > max) {
            return CompletableFuture.failedFuture(HttpProblem.tooLarge("the body", max));
        }
        bodyRead = true;
        return CompletableFuture.completedFuture(body);
    }

    @Override
    public boolean bodyRead() {
        return bodyRead;
    }

    @Override
    public String baseUrl() {
        return "http://localhost:8080" + mountPath();
    }

    @Override
    public String mountPath() {
        return "";
    }
}
