package io.profilekit.servlet.internal.http;

import io.profilekit.servlet.ApiRequest;
import java.util.concurrent.CompletableFuture;

/**
 * A request as profilekit's routes read it, whatever server carries it: what an
 * {@link ApiRequest} has, and its query, its body (read without blocking) and where it was
 * addressed. Each server adapter implements it over its own request.
 */
public interface Request extends ApiRequest {

    /**
     * Whether the path as sent has path parameters ({@code ;x}), which servers drop before
     * routing: {@code /profiles/;x} would list.
     */
    boolean hasPathParameters();

    /** The query string as sent (still percent-encoded), or {@code null} without one. */
    String query();

    /** The declared {@code Content-Length}, or -1 when there is none. */
    long contentLength();

    /** Whether the request declares a body: a {@code Content-Length} above 0, or {@code Transfer-Encoding}. */
    default boolean declaresBody() {
        return contentLength() > 0 || header("Transfer-Encoding") != null;
    }

    /**
     * Reads the body, at most {@code max} bytes, without holding a thread while it arrives; at
     * most once.
     *
     * @return the body; fails with {@link HttpProblem} 413 when it is larger than {@code max}
     *     (refused on its declared length before anything is read), 408 when it did not arrive
     *     in time, 400 when it ended early
     */
    CompletableFuture<byte[]> body(int max);

    /** Whether {@link #body} read the body to its end. */
    boolean bodyRead();

    /**
     * {@code scheme://host[:port]} as the client addressed this server, and the path profilekit
     * is mounted at: the start of every absolute URL an answer gives (picture URLs).
     */
    String baseUrl();

    /** The path profilekit is mounted at ({@code ""} at a root, or {@code /profiles}): the start of every {@code Location}. */
    String mountPath();
}
