package io.profilekit.core.couchbase;

import com.couchbase.client.java.Collection;
import com.couchbase.client.java.kv.GetResult;
import io.profilekit.core.InvalidProfileException;
import io.profilekit.core.PreconditionFailedException;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileNotFoundException;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.Version;
import java.util.Optional;
import java.util.function.Function;

/**
 * Profiles read by key: by record id (one get, stored bytes handed on unparsed), and the
 * current state a write starts from.
 */
final class ProfileReads {

    /** A stored profile with the CAS it was read at. */
    record Current(StoredProfile stored, long cas) {
        Profile profile() {
            return stored.profile();
        }
    }

    private final Collection profiles;
    private final Documents documents;

    ProfileReads(Collection profiles, Documents documents) {
        this.profiles = profiles;
        this.documents = documents;
    }

    Optional<StoredProfile> byId(long recordId) {
        return documents.get(profiles, Keys.profile(recordId)).map(found -> stored(recordId, found));
    }

    /** Whether the profile stored under {@code recordId} has {@code username}; unreadable ones are presumed to. */
    boolean holdsUsername(long recordId, String username) {
        return byId(recordId).map(stored -> {
            try {
                return username.equals(stored.profile().userId());
            } catch (InvalidProfileException unreadable) {
                return true;
            }
        }).orElse(false);
    }

    /** The profile a write applies to, checked against the version the caller expects (if any). */
    Current current(long recordId, Version expected) {
        GetResult found = documents.get(profiles, Keys.profile(recordId))
                .orElseThrow(() -> ProfileNotFoundException.noProfile(recordId));
        if (expected != null && expected.value() != found.cas()) {
            throw PreconditionFailedException.changedSince(recordId, expected);
        }
        return new Current(stored(recordId, found), found.cas());
    }

    static StoredProfile stored(long recordId, GetResult found) {
        return StoredProfile.ofJson(recordId, found.contentAs(byte[].class), new Version(found.cas()));
    }

    /** Whether the stored profile's field is {@code value}; an unreadable profile has no value. */
    static boolean has(StoredProfile stored, String value, Function<Profile, String> field) {
        try {
            return value.equals(field.apply(stored.profile()));
        } catch (InvalidProfileException unreadable) {
            return false;
        }
    }
}
