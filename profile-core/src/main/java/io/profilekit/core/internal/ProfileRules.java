package io.profilekit.core.internal;

import io.profilekit.core.InvalidProfileException;
import io.profilekit.core.Profile;

/** The checks every repository makes before it writes a profile, so that all agree. */
public final class ProfileRules {

    private ProfileRules() {
    }

    /**
     * Checks what a store needs to keep its invariants: a username to index, and positive ids.
     *
     * @throws InvalidProfileException naming the first field that breaks a rule
     */
    public static void checkWritable(Profile profile) {
        if (profile.userId() == null || profile.userId().isBlank()) {
            throw new InvalidProfileException("user_id (the username) is required");
        }
        if (profile.recordId() != null && profile.recordId() < 1) {
            throw new InvalidProfileException("record_id must be a positive integer");
        }
        if (profile.picture() != null && profile.picture() < 1) {
            throw new InvalidProfileException("picture must be a positive integer");
        }
    }
}
