package io.profilekit.core;

/**
 * The profile or picture handed to the repository is malformed or breaks a rule (a missing
 * username, a wrong type, an unknown image format).
 */
public class InvalidProfileException extends ProfileException {

    private static final long serialVersionUID = 1L;

    public InvalidProfileException(String message) {
        this(message, null);
    }

    public InvalidProfileException(String message, Throwable cause) {
        this(Reason.INVALID, message, cause);
    }

    protected InvalidProfileException(Reason reason, String message, Throwable cause) {
        super(reason, message, cause);
    }
}
