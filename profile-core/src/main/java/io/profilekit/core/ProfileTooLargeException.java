package io.profilekit.core;

/**
 * The profile or picture is larger than the store accepts (Couchbase takes documents of up to
 * 20 MiB). Nothing was written; a smaller one may be sent.
 */
public class ProfileTooLargeException extends InvalidProfileException {

    private static final long serialVersionUID = 1L;

    public ProfileTooLargeException(String message, Throwable cause) {
        super(Reason.TOO_LARGE, message, cause);
    }
}
