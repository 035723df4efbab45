package io.profilekit.core;

/**
 * A conditional write expected a version that is no longer current: someone else changed the
 * profile first. Re-read it and try again.
 */
public class PreconditionFailedException extends ProfileException {

    private static final long serialVersionUID = 1L;

    public PreconditionFailedException(String message) {
        super(Reason.PRECONDITION_FAILED, message);
    }

    public PreconditionFailedException(String message, Throwable cause) {
        super(Reason.PRECONDITION_FAILED, message, cause);
    }

    /** The stored profile is no longer at the version the caller expected. */
    public static PreconditionFailedException changedSince(long recordId, Version expected) {
        return new PreconditionFailedException("profile " + recordId + " has changed since version " + expected);
    }
}
