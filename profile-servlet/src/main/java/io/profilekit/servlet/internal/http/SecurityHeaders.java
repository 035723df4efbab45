package io.profilekit.servlet.internal.http;


/**
 * The headers every answer carries, whatever its route or status (docs/security.md): browsers
 * must not guess a content type other than the one sent.
 */
public final class SecurityHeaders {

    public static final String CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";
    public static final String NOSNIFF = "nosniff";

    private SecurityHeaders() {
    }

    /** Sets the headers on {@code answer}. */
    public static Answer set(Answer answer) {
        return answer.header(CONTENT_TYPE_OPTIONS, NOSNIFF);
    }
}
