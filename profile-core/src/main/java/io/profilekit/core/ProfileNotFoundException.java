package io.profilekit.core;

/**
 * The profile, picture or other document asked for does not exist.
 */
public class ProfileNotFoundException extends ProfileException {

    private static final long serialVersionUID = 1L;

    public ProfileNotFoundException(String message) {
        super(message);
    }

    public ProfileNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
