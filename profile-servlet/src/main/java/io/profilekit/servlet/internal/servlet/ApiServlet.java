package io.profilekit.servlet.internal.servlet;

import io.profilekit.servlet.internal.ApiHandler;
import io.profilekit.servlet.internal.http.Answer;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * profilekit's whole API as one servlet: each request goes to the {@link ApiHandler}; an answer
 * that is ready at once (the in-memory store's) is written on the container's thread, one that
 * is not goes asynchronous, so that no container thread waits for the store, and is written
 * without blocking once ready ({@link WriteListener}).
 */
public final class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient ApiHandler handler;
    private final String prefix;

    /** @param prefix the path profilekit is mounted under in its context, {@code ""} at the routes' own paths */
    public ApiServlet(ApiHandler handler, String prefix) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ServletRequestView view = new ServletRequestView(request, prefix);
        CompletableFuture<Answer> answer = handler.handle(view);
        if (answer.isDone() && !view.isAsync() && answer.join().chunks() == null) {
            Answer done = answer.join();
            start(request, response, done);
            if (!isHead(request)) {
                response.getOutputStream().write(done.body());
            }
            return;
        }
        AsyncContext async = view.async();
        answer.whenComplete((done, never) -> write(async, done));
    }

    /** Writes the answer without blocking, then completes the request. */
    private static void write(AsyncContext async, Answer answer) {
        HttpServletRequest request = (HttpServletRequest) async.getRequest();
        HttpServletResponse response = (HttpServletResponse) async.getResponse();
        try {
            start(request, response, answer);
            ServletOutputStream out = response.getOutputStream();
            if (answer.chunks() != null && !isHead(request)) {
                out.setWriteListener(new ChunkWriter(async, out, answer.chunks()));
                return;
            }
            byte[] body = isHead(request) ? new byte[0] : answer.body();
            out.setWriteListener(new WriteListener() {
                private boolean written;

                @Override
                public void onWritePossible() throws IOException {
                    if (!written && out.isReady()) {
                        written = true;
                        out.write(body);
                    }
                    if (written && out.isReady()) {
                        async.complete();
                    }
                }

                @Override
                public void onError(Throwable failure) {
                    async.complete();
                }
            });
        } catch (IOException | RuntimeException failure) {
            async.complete();
        }
    }

    /** The status, headers and length of the answer. */
    private static void start(HttpServletRequest request, HttpServletResponse response, Answer answer) {
        response.setStatus(answer.status());
        List<String> headers = answer.headers();
        for (int i = 0; i < headers.size(); i += 2) {
            response.addHeader(headers.get(i), headers.get(i + 1));
        }
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.status() != 304 && answer.status() != 204 && answer.chunks() == null) {
            response.setContentLength(answer.body().length);
        }
    }

    private static boolean isHead(HttpServletRequest request) {
        return request.getMethod().equals("HEAD");
    }
}
