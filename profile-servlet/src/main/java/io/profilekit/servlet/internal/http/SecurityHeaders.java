package io.profilekit.servlet.internal.http;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers every answer carries, whatever its route or status (docs/security.md): browsers
 * must not guess a content type other than the one sent.
 */
public final class SecurityHeaders {

    public static final String CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";
    public static final String NOSNIFF = "nosniff";

    private SecurityHeaders() {
    }

    /** Sets the headers on {@code response}. */
    public static void set(HttpServletResponse response) {
        response.setHeader(CONTENT_TYPE_OPTIONS, NOSNIFF);
    }
}
