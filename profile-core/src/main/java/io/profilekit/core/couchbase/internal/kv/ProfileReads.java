package io.profilekit.core.couchbase.internal.kv;

import com.couchbase.client.java.Collection;
import com.couchbase.client.java.kv.GetResult;
import io.profilekit.core.InvalidProfileException;
import io.profilekit.core.Profile;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.Version;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Profiles read by key: by record id, one get whose stored bytes are handed on unparsed. */
public final class ProfileReads {

    private final Collection profiles;
    private final Documents documents;

    public ProfileReads(Collection profiles, Documents documents) {
        this.profiles = profiles;
        this.documents = documents;
    }

    public CompletableFuture<Optional<StoredProfile>> byId(long recordId) {
        return documents.get(profiles, Keys.profile(recordId)).thenApply(found -> found.map(got -> stored(recordId, got)));
    }

    /** What a record id's profile says of a username. */
    public enum Holding {
        /** The profile has the username (or cannot be read, and is presumed to). */
        HOLDS,
        /** The profile has another username. */
        OTHER_USERNAME,
        /** No profile is stored under the record id. */
        NO_PROFILE
    }

    /** Whether the profile stored under {@code recordId} has {@code username}; unreadable ones are presumed to. */
    public CompletableFuture<Boolean> holdsUsername(long recordId, String username) {
        return holding(recordId, username).thenApply(holding -> holding == Holding.HOLDS);
    }

    /** What the profile stored under {@code recordId}, if any, says of {@code username}. */
    public CompletableFuture<Holding> holding(long recordId, String username) {
        return byId(recordId).thenApply(found -> found.map(stored -> holds(stored, username) ? Holding.HOLDS
                : Holding.OTHER_USERNAME).orElse(Holding.NO_PROFILE));
    }

    /** Whether {@code stored} has {@code username}; an unreadable profile is presumed to. */
    public static boolean holds(StoredProfile stored, String username) {
        try {
            return username.equals(stored.profile().userId());
        } catch (InvalidProfileException unreadable) {
            return true;
        }
    }

    /** A stored profile over a get's bytes, its CAS the version. */
    public static StoredProfile stored(long recordId, GetResult found) {
        return StoredProfile.ofJson(recordId, found.contentAs(byte[].class), new Version(found.cas()));
    }

    /** Whether the stored profile's field is {@code value}; an unreadable profile has no value. */
    public static boolean has(StoredProfile stored, String value, Function<Profile, String> field) {
        try {
            return value.equals(field.apply(stored.profile()));
        } catch (InvalidProfileException unreadable) {
            return false;
        }
    }
}
