package io.profilekit.servlet.internal.http;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Locale;

/** Reads request bodies within a limit, and checks their media type. */
public final class RequestBodies {

    private RequestBodies() {
    }

    /**
     * The body, at most {@code max} bytes: a larger declared {@code Content-Length} is refused
     * before anything is read, a larger body as soon as it passes the limit.
     *
     * @throws HttpProblem 413 when the body is too large
     */
    public static byte[] read(HttpServletRequest request, String what, int max) throws IOException {
        refuseDeclaredOver(request, what, max);
        byte[] body = request.getInputStream().readNBytes(max + 1);
        if (body.length > max) {
            throw HttpProblem.tooLarge(what, max);
        }
        return body;
    }

    /** Refuses a request whose declared length is over {@code max}, without reading it. */
    public static void refuseDeclaredOver(HttpServletRequest request, String what, int max) {
        if (request.getContentLengthLong() > max) {
            throw HttpProblem.tooLarge(what, max);
        }
    }

    /**
     * Requires the body's media type (parameters such as {@code charset} aside).
     *
     * @throws HttpProblem 415 naming the type the route takes
     */
    public static void requireMediaType(HttpServletRequest request, String mediaType) {
        String declared = request.getContentType();
        String base = declared == null ? "" : declared.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!base.equals(mediaType)) {
            throw HttpProblem.unsupportedMediaType("the body must be " + mediaType
                    + (declared == null ? "; the request has no Content-Type" : ", not " + declared));
        }
    }
}
