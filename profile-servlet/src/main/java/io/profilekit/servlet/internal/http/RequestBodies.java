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
        byte[] body;
        try {
            body = request.getInputStream().readNBytes(max + 1);
        } catch (IOException e) {
            throw HttpProblem.badRequest("the body ended before its Content-Length, or did not arrive in time");
        }
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
     * Requires the body's media type, read from the header as sent (a container's own parsing
     * fails on an unknown charset); a {@code charset} parameter, if any, must be UTF-8, as JSON
     * is.
     *
     * @throws HttpProblem 415 naming the type the route takes
     */
    public static void requireMediaType(HttpServletRequest request, String mediaType) {
        String declared = request.getHeader("Content-Type");
        String[] parts = declared == null ? new String[] {""} : declared.split(";");
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
