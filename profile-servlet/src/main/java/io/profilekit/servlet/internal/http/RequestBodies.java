package io.profilekit.servlet.internal.http;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;

/**
 * Reads request bodies within a size limit, at most so many at once, and checks their media
 * type. A body arrives at the client's pace and a servlet thread waits for it; bounding how
 * many wait keeps threads free for health checks and reads while slow clients upload.
 */
public final class RequestBodies {

    /** The request attribute that says {@link #read} read the body to its end. */
    private static final String READ_WHOLE = RequestBodies.class.getName() + ".readWhole";

    private final Semaphore readers;

    /** Bodies that at most {@code maxConcurrentReads} requests may be reading at once. */
    public RequestBodies(int maxConcurrentReads) {
        if (maxConcurrentReads < 1) {
            throw new IllegalArgumentException("maxConcurrentReads must be positive");
        }
        readers = new Semaphore(maxConcurrentReads);
    }

    /**
     * The body, at most {@code max} bytes: a larger declared {@code Content-Length} is refused
     * before anything is read, a larger body as soon as it passes the limit.
     *
     * @throws HttpProblem 413 when the body is too large, 503 when too many requests are
     *     reading bodies already, 408 when the body did not arrive in time, 400 when it ended
     *     early
     */
    public byte[] read(HttpServletRequest request, String what, int max) {
        refuseDeclaredOver(request, what, max);
        if (!readers.tryAcquire()) {
            throw HttpProblem.unavailable("too many requests are sending bodies at once; try again shortly");
        }
        byte[] body;
        try {
            body = request.getInputStream().readNBytes(max + 1);
        } catch (IOException e) {
            throw timedOut(e)
                    ? HttpProblem.requestTimeout("the body did not arrive in time")
                    : HttpProblem.badRequest("the body ended before its Content-Length, or could not be read");
        } finally {
            readers.release();
        }
        if (body.length > max) {
            throw HttpProblem.tooLarge(what, max);
        }
        request.setAttribute(READ_WHOLE, Boolean.TRUE);
        return body;
    }

    /**
     * Whether the request declares a body ({@code Content-Length} above 0, or
     * {@code Transfer-Encoding}) that {@link #read} has not read to its end: refused before it,
     * or cut off at a limit. Decided from the headers and what profilekit did, never by asking
     * the container to parse more of a body that may be malformed.
     */
    public static boolean unread(HttpServletRequest request) {
        return (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null)
                && request.getAttribute(READ_WHOLE) == null;
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

    /** Refuses a request whose declared length is over {@code max}, without reading it. */
    public static void refuseDeclaredOver(HttpServletRequest request, String what, int max) {
        if (request.getContentLengthLong() > max) {
            throw HttpProblem.tooLarge(what, max);
        }
    }

    /**
     * Requires the body's media type, read from the header as sent (a container's own parsing
     * fails on an unknown charset); a {@code charset} parameter, if any, must be UTF-8, as JSON
     * is.
     *
     * @throws HttpProblem 415 naming the type the route takes
     */
    public static void requireMediaType(HttpServletRequest request, String mediaType) {
        String declared = request.getHeader("Content-Type");
        String[] parts = declared == null ? new String[] {""} : declared.split(";", -1);
        if (!parts[0].trim().toLowerCase(Locale.ROOT).equals(mediaType)) {
            throw HttpProblem.unsupportedMediaType("the body must be " + mediaType
                    + (declared == null ? "; the request has no Content-Type" : ", not " + declared));
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].trim().equalsIgnoreCase("charset") && (parameter.length < 2
                    || !parameter[1].trim().replace("\"", "").equalsIgnoreCase("utf-8"))) {
                throw HttpProblem.unsupportedMediaType("the body must be " + mediaType + " in UTF-8, not "
                        + declared);
            }
        }
    }
}
