package io.profilekit.servlet.internal.servlet;

import io.profilekit.servlet.internal.http.HttpProblem;
import io.profilekit.servlet.internal.http.Request;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * A servlet request as profilekit reads it. The body is read without blocking (a
 * {@link ReadListener}, in the request's asynchronous mode), so no container thread waits for
 * a slow client.
 */
final class ServletRequestView implements Request {

    private final HttpServletRequest request;
    private final String prefix;
    private final String path;
    private AsyncContext async;
    private volatile boolean bodyRead;

    /** @param prefix the path profilekit is mounted under in the context, {@code ""} at its root */
    ServletRequestView(HttpServletRequest request, String prefix) {
        this.request = request;
        this.prefix = prefix;
        String pathInfo = request.getPathInfo();
        String full = pathInfo == null ? request.getServletPath() : request.getServletPath() + pathInfo;
        this.path = full.length() >= prefix.length() ? full.substring(prefix.length()) : "";
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
        return request.getHeader(name);
    }

    @Override
    public List<String> headers(String name) {
        var values = request.getHeaders(name);
        return values == null ? List.of() : Collections.list(values);
    }

    @Override
    public boolean hasPathParameters() {
        return request.getRequestURI().indexOf(';') >= 0;
    }

    @Override
    public String query() {
        return request.getQueryString();
    }

    @Override
    public long contentLength() {
        return request.getContentLengthLong();
    }

    @Override
    public synchronized CompletableFuture<byte[]> body(int max) {
        CompletableFuture<byte[]> body = new CompletableFuture<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.max(0, Math.min(contentLength(), max)));
        try {
            ServletInputStream in = async().getRequest().getInputStream();
            in.setReadListener(new ReadListener() {
                private final byte[] chunk = new byte[8192];

                @Override
                public void onDataAvailable() throws IOException {
                    while (!body.isDone() && in.isReady()) {
                        int read = in.read(chunk);
                        if (read < 0) {
                            return;
                        }
                        bytes.write(chunk, 0, read);
                        if (bytes.size() > max) {
                            body.completeExceptionally(HttpProblem.tooLarge("the body", max));
                        }
                    }
                }

                @Override
                public void onAllDataRead() {
                    if (!body.isDone()) {
                        bodyRead = true;
                        body.complete(bytes.toByteArray());
                    }
                }

                @Override
                public void onError(Throwable failure) {
                    body.completeExceptionally(timedOut(failure)
                            ? HttpProblem.requestTimeout("the body did not arrive in time")
                            : HttpProblem.badRequest("the body ended before its Content-Length, or could not be read"));
                }
            });
        } catch (IOException | IllegalStateException e) {
            body.completeExceptionally(HttpProblem.badRequest("the body could not be read"));
        }
        return body;
    }

    @Override
    public boolean bodyRead() {
        return bodyRead;
    }

    @Override
    public String baseUrl() {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        String host = request.getServerName();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        boolean defaultPort = port <= 0 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + mountPath();
    }

    @Override
    public String mountPath() {
        return request.getContextPath() + prefix;
    }

    /** The request's asynchronous mode, started on first use. */
    synchronized AsyncContext async() {
        if (async == null) {
            async = request.isAsyncStarted() ? request.getAsyncContext() : request.startAsync();
            async.setTimeout(0);
        }
        return async;
    }

    /** Whether the request went asynchronous (to read its body, or to wait for its answer). */
    synchronized boolean isAsync() {
        return async != null;
    }

    /**
     * Whether a read failed for want of time: a container's idle timeout or minimum data rate,
     * a {@link TimeoutException} (Jetty) or {@link SocketTimeoutException} (Tomcat) underneath.
     */
    private static boolean timedOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
