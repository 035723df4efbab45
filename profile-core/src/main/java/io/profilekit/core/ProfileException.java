package io.profilekit.core;

/**
 * Base of every error a {@link ProfileRepository} raises, so callers handle one family of
 * exceptions whatever store backs the repository and never see a backend's own types.
 *
 * <p>Messages name the profile, field or store setting concerned and never carry secrets,
 * stack details or backend class names.
 */
public abstract class ProfileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected ProfileException(String message) {
        super(message);
    }

    protected ProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
