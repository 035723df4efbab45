package io.profilekit.core;

import io.profilekit.core.internal.Futures;
import io.profilekit.core.spi.ProfileStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Reads and writes user profiles and their pictures in a {@link ProfileStore}: in memory
 * ({@link io.profilekit.core.memory.InMemoryProfileStore}, the embedded default and the test
 * double) or in Couchbase ({@link io.profilekit.core.couchbase.CouchbaseProfileStore}).
 *
 * <pre>{@code
 * ProfileRepository repository = ProfileRepository.of(new InMemoryProfileStore());
 * StoredProfile ada = repository.create(Profile.builder().userId("ada").name("Ada Lovelace").build());
 * }</pre>
 *
 * <p>The same contract holds whatever the store, so code and tests written against one hold
 * against the others:
 * <ul>
 *   <li>usernames ({@code user_id}) are unique; creating or renaming onto a taken one fails
 *       with {@link ProfileConflictException};</li>
 *   <li>every write gives the document a new {@link Version}; a write that names the version
 *       it expects fails with {@link PreconditionFailedException} when the stored one differs,
 *       and never overwrites; a write that names none retries when other writers get in first,
 *       and fails with {@link ProfileContendedException} if they always do;</li>
 *   <li>errors are this library's {@link ProfileException}s, whose {@link ProfileException#reason()
 *       reason} tells what happened and whether a retry helps, never a backend's types.</li>
 * </ul>
 *
 * <p>Each method blocks until the store answers; {@link #async()} has the same operations
 * answered with futures. Thread-safe: open one per process and share it.
 */
public final class ProfileRepository implements AutoCloseable {

    private final ProfileStore store;
    private final AsyncProfileRepository async;

    private ProfileRepository(ProfileStore store) {
        this.store = store;
        this.async = new AsyncProfileRepository(store);
    }

    /** A repository over {@code store}; closing the repository closes the store. */
    public static ProfileRepository of(ProfileStore store) {
        return new ProfileRepository(store);
    }

    /** The same operations, answered with futures instead of blocking. */
    public AsyncProfileRepository async() {
        return async;
    }

    /** The profile with this record id, if any. */
    public Optional<StoredProfile> findById(long recordId) {
        return join(async.findById(recordId));
    }

    /** The profile with this username ({@code user_id}), if any; usernames are unique. */
    public Optional<StoredProfile> findByUsername(String username) {
        return join(async.findByUsername(username));
    }

    /**
     * The profiles with this nickname, in ascending record id order, at most {@code limit}
     * of them (at least 1; above {@link ProfileQuery#MAX_LIMIT} counts as that); nicknames are
     * not unique.
     */
    public List<StoredProfile> findByNickname(String nickname, int limit) {
        return join(async.findByNickname(nickname, limit));
    }

    /** One page of profiles that match the query, in ascending record id order. */
    public Page<StoredProfile> list(ProfileQuery query) {
        return join(async.list(query));
    }

    /**
     * Every profile with a record id above {@code after}, in record id order, read a page at a
     * time as the store reads a whole keyspace best: what an export walks ({@link ProfileWalk}
     * says how, and what it holds meanwhile). Its first page fails with
     * {@link StoreConfigurationException} where the store can neither scan nor list (Couchbase
     * before 7.6 without the query service).
     */
    public ProfileWalk walk(long after) {
        return join(async.walk(after));
    }

    /**
     * The profiles that match a search as someone types, best first: every word of the text
     * starts a word of one of the query's fields, case and accents aside. The in-memory store
     * finds a profile as soon as its write returns; Couchbase's Search service as soon as it has
     * indexed the write (usually within a second).
     *
     * @throws StoreConfigurationException when the store cannot search (a cluster without the
     *     Search service, or without profilekit's search index: run {@code init})
     * @throws StoreUnavailableException when the search index is not ready yet, or the store is down
     */
    public List<StoredProfile> search(SearchQuery query) {
        return join(async.search(query));
    }

    /** The image document with this image record id (the value of a profile's {@code picture}). */
    public Optional<StoredPicture> findPicture(long pictureId) {
        return join(async.findPicture(pictureId));
    }

    /**
     * Checks a new profile against every rule {@link #create(Profile)} applies, without writing
     * it (an import's dry run, say).
     *
     * @throws InvalidProfileException naming what breaks a rule
     */
    public void check(Profile profile) {
        ProfileRules.checkWritable(profile);
    }

    /**
     * Stores a new profile. Without a record id, the store assigns the next free one.
     *
     * @return the stored profile, with its record id and first version
     * @throws ProfileConflictException when the record id or the username is taken
     * @throws InvalidProfileException when the profile breaks a rule (no username, say)
     */
    public StoredProfile create(Profile profile) {
        return join(async.create(profile));
    }

    /**
     * Stores a new profile under an idempotency key, so that the create can be retried safely
     * after an answer that was lost or said to try again: a retry with the same key and the
     * same profile answers what the first create answered (the same record id and version),
     * and writes no second profile, through any instance on the same store.
     *
     * @return the stored profile, as the key's first use answered it
     * @throws IdempotencyKeyReusedException when the key was used with another profile
     * @throws ProfileConflictException when the record id or the username is taken
     */
    public StoredProfile create(Profile profile, IdempotencyKey key) {
        return join(async.create(profile, key));
    }

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
    public StoredProfile replace(Profile profile, Version expected) {
        return join(async.replace(profile, expected));
    }

    /** Replaces the profile whatever its stored version: last writer wins. */
    public StoredProfile replace(Profile profile) {
        return replace(profile, null);
    }

    /**
     * Read-modify-write: reads the profile, applies {@code change} to it and replaces it with
     * the result, but only if nobody changed it in between.
     *
     * <p>With an {@code expected} version the change applies to that version alone: if the
     * stored one differs, before or during the write, the update fails. Without one, a write
     * that loses a race reads the profile again and reapplies the change. The change may not
     * alter the record id or the picture link (pictures change through {@link #putPicture} and
     * {@link #deletePicture}).
     *
     * @param expected the version the caller read, or {@code null} for whatever is current
     * @param change makes the new profile from the stored one; may run more than once
     * @return the stored profile with its new version
     * @throws ProfileNotFoundException when no such profile exists
     * @throws PreconditionFailedException when the stored version is not {@code expected}
     * @throws ProfileContendedException when other writers won every attempt
     * @throws InvalidProfileException when the changed profile breaks a rule
     */
    public StoredProfile update(long recordId, Version expected, Function<StoredProfile, Profile> change) {
        return join(async.update(recordId, expected, change));
    }

    /**
     * Deletes the profile, its picture and its lookup entries (its username becomes free),
     * but only if its stored version is still {@code expected}.
     *
     * @param expected the version the caller read, or {@code null} to delete any version
     * @throws ProfileNotFoundException when no such profile exists
     * @throws PreconditionFailedException when the stored version is not {@code expected}
     */
    public void delete(long recordId, Version expected) {
        join(async.delete(recordId, expected));
    }

    /** Deletes the profile whatever its stored version. */
    public void delete(long recordId) {
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
    public StoredPicture putPicture(long recordId, ProfilePicture picture) {
        return join(async.putPicture(recordId, picture));
    }

    /**
     * Removes the profile's picture and the link to it.
     *
     * @throws ProfileNotFoundException when no such profile exists or it has no picture
     */
    public void deletePicture(long recordId) {
        join(async.deletePicture(recordId));
    }

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
    public byte[] sharedSecret(String name) {
        return join(async.sharedSecret(name));
    }

    /**
     * Checks that the store answers a read of the profiles, for readiness probes.
     *
     * @throws ProfileException when it does not: {@link StoreUnavailableException} when a
     *     retry may help, {@link StoreConfigurationException} when an operator must act
     */
    public void ping() {
        join(async.ping());
    }

    /** Closes the store: releases its connections and threads; idempotent. */
    @Override
    public void close() {
        store.close();
    }

    private static <T> T join(CompletableFuture<T> future) {
        return Futures.join(future);
    }
}
