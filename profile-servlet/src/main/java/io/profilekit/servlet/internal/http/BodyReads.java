package io.profilekit.servlet.internal.http;

import io.profilekit.core.internal.Futures;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Reads request bodies within a size limit, at most so many at once. A body arrives at the
 * client's pace and no thread waits for it, but each one being read holds memory up to its
 * limit: bounding how many are read at once bounds that, and a request beyond the bound is
 * answered 503 with {@code Retry-After} at once.
 */
public final class BodyReads {

    private final Semaphore readers;

    /** Bodies that at most {@code maxConcurrentReads} requests may be reading at once. */
    public BodyReads(int maxConcurrentReads) {
        if (maxConcurrentReads < 1) {
            throw new IllegalArgumentException("maxConcurrentReads must be positive");
        }
        readers = new Semaphore(maxConcurrentReads);
    }

    /**
     * The body, at most {@code max} bytes (see {@link Request#body}); {@code what} names it in a
     * 413's detail.
     *
     * @return fails with {@link HttpProblem} 413 when the body is too large, 503 when too many
     *     requests are sending bodies already, 408 when the body did not arrive in time, 400 when
     *     it ended early
     */
    public CompletableFuture<byte[]> read(Request request, String what, int max) {
        if (request.contentLength() > max) {
            return CompletableFuture.failedFuture(HttpProblem.tooLarge(what, max));
        }
        if (!readers.tryAcquire()) {
            return CompletableFuture.failedFuture(
                    HttpProblem.unavailable("too many requests are sending bodies at once; try again shortly"));
        }
        return Futures.attempt(() -> request.body(max)).handle((body, error) -> {
            readers.release();
            if (error != null) {
                Throwable cause = Futures.unwrap(error);
                throw cause instanceof HttpProblem problem && problem.status() == 413
                        ? HttpProblem.tooLarge(what, max) : Futures.rethrow(cause);
            }
            return body;
        });
    }
}
