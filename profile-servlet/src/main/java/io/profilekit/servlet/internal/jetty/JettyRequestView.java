package io.profilekit.servlet.internal.jetty;

import io.profilekit.servlet.internal.http.HttpProblem;
import io.profilekit.servlet.internal.http.Request;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * A Jetty request as profilekit reads it; the body is read as Jetty hands its chunks over
 * ({@link org.eclipse.jetty.server.Request#demand}), so no thread waits for a slow client.
 */
public final class JettyRequestView implements Request {

    private final org.eclipse.jetty.server.Request request;
    private final String prefix;
    private final String path;
    private volatile boolean bodyRead;

    /** @param prefix the path profilekit is mounted under in the context, {@code ""} at its root */
    public JettyRequestView(org.eclipse.jetty.server.Request request, String prefix) {
        this.request = request;
        this.prefix = prefix;
        String inContext = org.eclipse.jetty.server.Request.getPathInContext(request);
        this.path = inContext.length() >= prefix.length() ? inContext.substring(prefix.length()) : "";
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String header(String name) {
        return request.getHeaders().get(name);
    }

    @Override
    public List<String> headers(String name) {
        return request.getHeaders().getValuesList(name);
    }

    @Override
    public boolean hasPathParameters() {
        String raw = request.getHttpURI().getPath();
        return raw != null && raw.indexOf(';') >= 0;
    }

    @Override
    public String query() {
        return request.getHttpURI().getQuery();
    }

    @Override
    public long contentLength() {
        return request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
    }

    @Override
    public CompletableFuture<byte[]> body(int max) {
        Reader reader = new Reader(max);
        reader.run();
        return reader.body;
    }

    @Override
    public boolean bodyRead() {
        return bodyRead;
    }

    @Override
    public String baseUrl() {
        String scheme = request.getHttpURI().getScheme();
        scheme = scheme == null ? (request.isSecure() ? "https" : "http") : scheme;
        int port = org.eclipse.jetty.server.Request.getServerPort(request);
        String host = org.eclipse.jetty.server.Request.getServerName(request);
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        boolean defaultPort = port <= 0 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + mountPath();
    }

    @Override
    public String mountPath() {
        String context = org.eclipse.jetty.server.Request.getContextPath(request);
        return (context == null ? "" : context) + prefix;
    }

    /** Reads the body chunk by chunk as Jetty offers them, within {@code max} bytes. */
    private final class Reader implements Invocable.Task {
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes;
        private final int max;

        Reader(int max) {
            this.max = max;
            this.bytes = new ByteArrayOutputStream((int) Math.max(0, Math.min(contentLength(), max)));
        }

        @Override
        public void run() {
            while (!body.isDone()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    fail(chunk.getFailure());
                    return;
                }
                ByteBuffer buffer = chunk.getByteBuffer();
                if (bytes.size() + buffer.remaining() > max) {
                    chunk.release();
                    body.completeExceptionally(HttpProblem.tooLarge("the body", max));
                    return;
                }
                byte[] copy = new byte[buffer.remaining()];
                buffer.get(copy);
                bytes.writeBytes(copy);
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    bodyRead = true;
                    body.complete(bytes.toByteArray());
                }
            }
        }

        private void fail(Throwable failure) {
            boolean timedOut = false;
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                timedOut |= cause instanceof TimeoutException;
            }
            body.completeExceptionally(timedOut ? HttpProblem.requestTimeout("the body did not arrive in time")
                    : HttpProblem.badRequest("the body ended before its Content-Length, or could not be read"));
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }
    }
}
