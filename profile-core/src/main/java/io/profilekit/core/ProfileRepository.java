package io.profilekit.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Reads and writes user profiles and their pictures.
 *
 * <p>Every implementation keeps the same contract, so code and tests written against one
 * (the {@link io.profilekit.core.memory.InMemoryProfileRepository in-memory} test double, say)
 * hold against the others:
 * <ul>
 *   <li>usernames ({@code user_id}) are unique; creating or renaming onto a taken one fails
 *       with {@link ProfileConflictException};</li>
 *   <li>every write gives the document a new {@link Version}; a write that names the version
 *       it expects fails with {@link PreconditionFailedException} when the stored one differs,
 *       and never overwrites;</li>
 *   <li>errors are this library's {@link ProfileException}s, never a backend's types; an
 *       unreachable or slow store is {@link StoreUnavailableException}.</li>
 * </ul>
 *
 * <p>Implementations are thread-safe. Open one per process and share it.
 */
public interface ProfileRepository extends AutoCloseable {

    /** The profile with this record id, if any. */
    Optional<StoredProfile> findById(long recordId);

    /** The profile with this username ({@code user_id}), if any; usernames are unique. */
    Optional<StoredProfile> findByUsername(String username);

    /**
     * The profiles with this nickname, in ascending record id order, at most {@code limit}
     * of them (at least 1; above {@link ProfileQuery#MAX_LIMIT} counts as that); nicknames are
     * not unique.
     */
    default List<StoredProfile> findByNickname(String nickname, int limit) {
        Objects.requireNonNull(nickname, "nickname");
        return list(ProfileQuery.first(Math.min(limit, ProfileQuery.MAX_LIMIT)).withNickname(nickname)).items();
    }

    /** One page of profiles that match the query, in ascending record id order. */
    Page<StoredProfile> list(ProfileQuery query);

    /** The image document with this image record id (the value of a profile's {@code picture}). */
    Optional<StoredPicture> findPicture(long pictureId);

    /**
     * Stores a new profile. Without a record id, the repository assigns the next free one.
     *
     * @return the stored profile, with its record id and first version
     * @throws ProfileConflictException when the record id or the username is taken
     * @throws InvalidProfileException when the profile has no username or a record id below 1
     */
    StoredProfile create(Profile profile);

    /**
     * Replaces the profile with {@code profile.recordId()}, but only if its stored version is
     * still {@code expected}.
     *
     * @param expected the version the caller read, or {@code null} to replace any version
     * @return the stored profile with its new version
     * @throws ProfileNotFoundException when no such profile exists
     * @throws PreconditionFailedException when the stored version is not {@code expected}
     * @throws ProfileConflictException when the new username belongs to another profile
     */
    StoredProfile replace(Profile profile, Version expected);

    /** Replaces the profile whatever its stored version: last writer wins. */
    default StoredProfile replace(Profile profile) {
        return replace(profile, null);
    }

    /** How often {@link #update} reads again when other writers keep getting in first. */
    int UPDATE_ATTEMPTS = 32;

    /**
     * Read-modify-write: reads the profile, applies {@code change} to it and replaces it with
     * the result, but only if nobody changed it in between.
     *
     * <p>With an {@code expected} version the change applies to that version alone: if the
     * stored one differs, before or during the write, the update fails. Without one, a write
     * that loses a race reads the profile again and reapplies the change, after a short random
     * wait, up to {@link #UPDATE_ATTEMPTS} times. The change may not alter the record id or the
     * picture link (pictures change through {@link #putPicture} and {@link #deletePicture}).
     *
     * @param expected the version the caller read, or {@code null} for whatever is current
     * @param change makes the new profile from the stored one; may run more than once
     * @return the stored profile with its new version
     * @throws ProfileNotFoundException when no such profile exists
     * @throws PreconditionFailedException when the stored version is not {@code expected}, or
     *     other writers won every attempt
     * @throws InvalidProfileException when the changed profile breaks a rule
     */
    default StoredProfile update(long recordId, Version expected, Function<StoredProfile, Profile> change) {
        for (int attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
            StoredProfile current = findById(recordId).orElseThrow(() -> ProfileNotFoundException.noProfile(recordId));
            if (expected != null && !expected.equals(current.version())) {
                throw PreconditionFailedException.changedSince(recordId, expected);
            }
            Profile changed = change.apply(current);
            ProfileRules.checkUpdate(current.profile(), changed);
            try {
                return replace(changed, current.version());
            } catch (PreconditionFailedException raced) {
                if (expected != null) {
                    throw raced;
                }
                backOff(attempt);
            }
        }
        throw new PreconditionFailedException("profile " + recordId + " kept changing; read it again and retry");
    }

    /** Waits a random while, longer after each lost race, so that racing writers spread out. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1L << Math.min(attempt, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while retrying an update", e);
        }
    }

    /**
     * Deletes the profile, its picture and its lookup entries (its username becomes free),
     * but only if its stored version is still {@code expected}.
     *
     * @param expected the version the caller read, or {@code null} to delete any version
     * @throws ProfileNotFoundException when no such profile exists
     * @throws PreconditionFailedException when the stored version is not {@code expected}
     */
    void delete(long recordId, Version expected);

    /** Deletes the profile whatever its stored version. */
    default void delete(long recordId) {
        delete(recordId, null);
    }

    /**
     * Stores {@code picture} as the profile's picture: under the image record id its
     * {@code picture} field names, or, when it names none, under the profile's own record id,
     * which is then linked from the profile. Either way the profile gets a new version, so a
     * profile's version changes whenever its picture does (picture URLs are made from it).
     *
     * @return the stored picture
     * @throws ProfileNotFoundException when no such profile exists
     */
    StoredPicture putPicture(long recordId, ProfilePicture picture);

    /**
     * Removes the profile's picture and the link to it.
     *
     * @throws ProfileNotFoundException when no such profile exists or it has no picture
     */
    void deletePicture(long recordId);

    /**
     * A secret of at least 32 random bytes that every process using this store shares, made on
     * first use and kept under {@code name}: the key that signs picture URLs, say, so that every
     * instance behind a load balancer accepts the URLs of every other. The in-memory store
     * keeps it for its own lifetime.
     *
     * @param name what the secret is for: 1 to 64 lower-case letters, digits and dashes
     * @throws IllegalArgumentException when the name is not of that form
     * @throws StoreUnavailableException when the store cannot be reached
     */
    byte[] sharedSecret(String name);

    /** Checks a {@link #sharedSecret} name; implementations call it first. */
    static String checkSecretName(String name) {
        if (name == null || !name.matches("[a-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("a secret's name is 1 to 64 lower-case letters, digits and dashes");
        }
        return name;
    }

    /**
     * Checks that the store answers, for readiness probes.
     *
     * @throws StoreUnavailableException when it does not
     */
    void ping();

    /** Releases what the repository holds (connections, threads); idempotent. */
    @Override
    void close();
}
