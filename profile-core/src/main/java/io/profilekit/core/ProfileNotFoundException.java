package io.profilekit.core;

/**
 * The profile, picture or other document asked for does not exist.
 */
public class ProfileNotFoundException extends ProfileException {

    private static final long serialVersionUID = 1L;

    public ProfileNotFoundException(String message) {
        super(Reason.NOT_FOUND, message);
    }

    public ProfileNotFoundException(String message, Throwable cause) {
        super(Reason.NOT_FOUND, message, cause);
    }

    /** No profile has this record id. */
    public static ProfileNotFoundException noProfile(long recordId) {
        return new ProfileNotFoundException("no profile with record_id " + recordId);
    }

    /** The profile exists but links no picture. */
    public static ProfileNotFoundException noPicture(long recordId) {
        return new ProfileNotFoundException("profile " + recordId + " has no picture");
    }
}
