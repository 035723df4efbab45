package io.profilekit.core;

/**
 * Other writers changed the profile (or its username's entry) every time this write tried, up
 * to the repository's limit. Nothing was written; the same call, made again, is likely to work.
 * A write that named the version it expects fails with {@link PreconditionFailedException}
 * instead, at its first lost race.
 */
public class ProfileContendedException extends StoreUnavailableException {

    private static final long serialVersionUID = 1L;

    public ProfileContendedException(String message) {
        super(Reason.CONTENDED, message, null, DEFAULT_RETRY_AFTER);
    }

    /** Profile {@code recordId} kept changing under the write. */
    public static ProfileContendedException changingTooOften(long recordId) {
        return new ProfileContendedException("profile " + recordId + " is changing too often; try again");
    }
}
