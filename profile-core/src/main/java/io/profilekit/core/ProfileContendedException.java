package io.profilekit.core;

import java.time.Duration;

/**
 * Other writers changed the profile (or its username's entry) every time this write tried, up
 * to the repository's limit. Nothing was written; the same call, made again, is likely to work.
 * A write that named the version it expects fails with {@link PreconditionFailedException}
 * instead, at its first lost race.
 */
public class ProfileContendedException extends StoreUnavailableException {

    private static final long serialVersionUID = 1L;

    public ProfileContendedException(String message) {
        this(message, DEFAULT_RETRY_AFTER);
    }

    /** @param retryAfter when the contention will be over, at the latest */
    public ProfileContendedException(String message, Duration retryAfter) {
        super(Reason.CONTENDED, message, null, retryAfter);
    }

    /**
     * Another write claims {@code username} and has not settled (it may still land): the claim
     * is settled or gone within {@code retryAfter}.
     */
    public static ProfileContendedException usernameBeingClaimed(String username, Duration retryAfter) {
        return new ProfileContendedException("username '" + username + "' is claimed by a write that has not"
                + " settled yet; try again after Retry-After", retryAfter);
    }

    /** Profile {@code recordId} kept changing under the write. */
    public static ProfileContendedException changingTooOften(long recordId) {
        return new ProfileContendedException("profile " + recordId + " is changing too often; try again");
    }
}
