package io.profilekit.core;

/**
 * A conditional write expected a version that is no longer current: someone else changed the
 * profile first. Re-read it and try again.
 */
public class PreconditionFailedException extends ProfileException {

    private static final long serialVersionUID = 1L;

    public PreconditionFailedException(String message) {
        super(message);
    }

    public PreconditionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
