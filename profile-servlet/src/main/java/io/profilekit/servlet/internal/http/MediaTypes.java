package io.profilekit.servlet.internal.http;

import java.util.List;
import java.util.Locale;

/** Checks a request body's declared media type. */
public final class MediaTypes {

    private MediaTypes() {
    }

    /**
     * Requires the body's media type to be one of {@code mediaTypes}, read from the header as
     * sent; a {@code charset} parameter, if any, must be UTF-8, as JSON is.
     *
     * @throws HttpProblem 415 naming the types the route takes
     */
    public static void require(Request request, String... mediaTypes) {
        String declared = request.header("Content-Type");
        String[] parts = declared == null ? new String[] {""} : declared.split(";", -1);
        String mediaType = String.join(" or ", mediaTypes);
        if (!List.of(mediaTypes).contains(parts[0].trim().toLowerCase(Locale.ROOT))) {
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
