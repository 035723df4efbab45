package io.profilekit.core;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A profile as a repository holds it: its JSON document exactly as stored, and its current
 * {@link Version}. Readers that only pass the profile on write {@link #writeJson} and never
 * pay for parsing; {@link #profile()} parses once, on first use.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class StoredProfile implements StoredDocument {

    private final long recordId;
    private final Version version;
    private final byte[] json;
    private volatile Profile profile;

    private StoredProfile(long recordId, Version version, byte[] json, Profile profile) {
        this.recordId = recordId;
        this.version = Objects.requireNonNull(version, "version");
        this.json = json;
        this.profile = profile;
    }

    /**
     * A stored profile for {@code profile}, which must have its record id.
     *
     * @throws InvalidProfileException when the profile has no record id
     */
    public static StoredProfile of(Profile profile, Version version) {
        if (profile.recordId() == null) {
            throw new InvalidProfileException("a stored profile needs its record_id");
        }
        return new StoredProfile(profile.recordId(), version, ProfileJson.toJson(profile), profile);
    }

    /**
     * A stored profile over a document's bytes as a store returned them; the bytes are not
     * copied or checked until {@link #profile()} is called, so the caller must not change them.
     */
    public static StoredProfile ofJson(long recordId, byte[] json, Version version) {
        return new StoredProfile(recordId, version, Objects.requireNonNull(json, "json"), null);
    }

    @Override
    public long recordId() {
        return recordId;
    }

    @Override
    public Version version() {
        return version;
    }

    /**
     * The profile, parsed from the stored document on first use.
     *
     * @throws InvalidProfileException when the stored document is not a valid profile
     */
    public Profile profile() {
        Profile result = profile;
        if (result == null) {
            result = ProfileJson.fromJson(json);
            profile = result;
        }
        return result;
    }

    /** A copy of the stored JSON document. */
    public byte[] json() {
        return json.clone();
    }

    /** The length of the stored JSON document in bytes. */
    @Override
    public int jsonLength() {
        return json.length;
    }

    /** Writes the stored JSON document, unchanged, to {@code out}. */
    @Override
    public void writeJson(OutputStream out) throws IOException {
        out.write(json);
    }

    @Override
    public String toString() {
        return "StoredProfile[recordId=" + recordId + ", version=" + version + "]";
    }
}
