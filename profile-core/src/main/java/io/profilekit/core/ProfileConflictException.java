package io.profilekit.core;

/**
 * A write would break uniqueness: the record id or the username is already taken.
 */
public class ProfileConflictException extends ProfileException {

    private static final long serialVersionUID = 1L;

    public ProfileConflictException(String message) {
        super(Reason.CONFLICT, message);
    }

    public ProfileConflictException(String message, Throwable cause) {
        super(Reason.CONFLICT, message, cause);
    }

    /** Another profile has this username. */
    public static ProfileConflictException usernameTaken(String username) {
        return new ProfileConflictException("username '" + username + "' is taken");
    }

    /** A profile with this record id exists. */
    public static ProfileConflictException recordIdTaken(long recordId) {
        return new ProfileConflictException("record_id " + recordId + " is taken");
    }
}
