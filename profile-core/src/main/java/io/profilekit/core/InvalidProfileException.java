package io.profilekit.core;

/**
 * The profile or picture handed to the repository is malformed or breaks a rule (a missing
 * username, a wrong type, an unknown image format).
 */
public class InvalidProfileException extends ProfileException {

    private static final long serialVersionUID = 1L;

    public InvalidProfileException(String message) {
        super(message);
    }

    public InvalidProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
