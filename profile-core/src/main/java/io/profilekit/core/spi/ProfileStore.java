package io.profilekit.core.spi;

import io.profilekit.core.Page;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfilePicture;
import io.profilekit.core.ProfileQuery;
import io.profilekit.core.SearchQuery;
import io.profilekit.core.StoreConfigurationException;
import io.profilekit.core.StoredPicture;
import io.profilekit.core.StoredProfile;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where profiles and pictures are kept: the narrow interface each backend implements and
 * {@link io.profilekit.core.ProfileRepository} serves. Every operation returns at once with a
 * future; a store that blocks completes it before returning. Futures fail with
 * {@link io.profilekit.core.ProfileException}s (never a backend's types), or with
 * {@link LostRaceException} when a conditional write lost to another writer.
 *
 * <p>What a store guarantees, and the repository relies on:
 * <ul>
 *   <li>a username ({@code user_id}) belongs to at most one profile: an insert or replace
 *       that would give it to a second fails with
 *       {@link io.profilekit.core.ProfileConflictException};</li>
 *   <li>every write gives the profile a new {@link io.profilekit.core.Version}, and a write
 *       that starts from a {@code current} state applies only if the stored version is still
 *       {@code current.version()}; otherwise {@link LostRaceException}, nothing written;</li>
 *   <li>reads see every write whose future has completed.</li>
 * </ul>
 * What a store need not do, because the repository does it before calling: check profiles
 * against the rules, compare versions a caller expects, retry lost races.
 *
 * <p>Implementations are thread-safe.
 */
public interface ProfileStore extends AutoCloseable {

    /** The profile with this record id, if any. */
    CompletableFuture<Optional<StoredProfile>> findById(long recordId);

    /** The profile with this username, if any. */
    CompletableFuture<Optional<StoredProfile>> findByUsername(String username);

    /** One page of the profiles that match the query, in ascending record id order. */
    CompletableFuture<Page<StoredProfile>> list(ProfileQuery query);

    /**
     * The best {@code query.limit()} profiles that match the query, best first, as
     * {@link SearchRanking} orders and checks them against what is stored now (so an index that
     * lags never answers a profile that no longer matches). A store that cannot search keeps
     * this default, which fails with {@link StoreConfigurationException} (the store lacks the
     * service).
     */
    default CompletableFuture<List<StoredProfile>> search(SearchQuery query) {
        return CompletableFuture.failedFuture(StoreConfigurationException.lacksService(
                "this profile store does not search", null));
    }

    /**
     * The record ids of every profile above {@code after}, ascending, read without an index, or
     * empty when the store has no such read: what {@link io.profilekit.core.ProfileWalk} (an
     * export) reads profiles by, where a listing would need a service the store may lack
     * (Couchbase's KV range scan, which needs no query service). A store whose listing reads
     * no index keeps this default, and walks page through {@link #list}.
     */
    default CompletableFuture<Optional<long[]>> scanRecordIds(long after) {
        return CompletableFuture.completedFuture(Optional.empty());
    }

    /** The image document with this image record id. */
    CompletableFuture<Optional<StoredPicture>> findPicture(long pictureId);

    /**
     * Stores a new profile, already checked against the rules: under its record id, or under
     * the next free one the store assigns when it has none.
     *
     * @return the stored profile, with its record id and first version; fails with
     *     {@link io.profilekit.core.ProfileConflictException} when the record id or the
     *     username is taken
     */
    CompletableFuture<StoredProfile> insert(Profile profile);

    /**
     * Replaces the profile {@code current} names with {@code replacement} (same record id,
     * already checked), if it is still at {@code current.version()}.
     *
     * @return the stored profile with its new version; fails with {@link LostRaceException}
     *     when the version changed, {@link io.profilekit.core.ProfileNotFoundException} when
     *     the profile is gone, {@link io.profilekit.core.ProfileConflictException} when another
     *     profile has the new username
     */
    CompletableFuture<StoredProfile> replace(StoredProfile current, Profile replacement);

    /**
     * Deletes the profile {@code current} names, with its picture and whatever the store keeps
     * to find it, if it is still at {@code current.version()}.
     *
     * @return fails with {@link LostRaceException} when the version changed,
     *     {@link io.profilekit.core.ProfileNotFoundException} when it is gone
     */
    CompletableFuture<Void> delete(StoredProfile current);

    /**
     * Stores {@code picture} as the profile's picture, under the image record id its
     * {@code picture} field names, or under the profile's own record id, then linked, when it
     * names none; the profile gets a new version either way, if it is still at
     * {@code current.version()}.
     *
     * @return the stored picture; fails with {@link LostRaceException} when the profile's
     *     version changed, {@link io.profilekit.core.ProfileNotFoundException} when it is gone
     */
    CompletableFuture<StoredPicture> putPicture(StoredProfile current, ProfilePicture picture);

    /**
     * Unlinks and removes the picture of the profile {@code current} names (it has one), if the
     * profile is still at {@code current.version()}.
     *
     * @return fails with {@link LostRaceException} when the version changed,
     *     {@link io.profilekit.core.ProfileNotFoundException} when the profile is gone
     */
    CompletableFuture<Void> deletePicture(StoredProfile current);

    /**
     * The secret kept under {@code name} (already checked: 1 to 64 lower-case letters, digits
     * and dashes), at least 32 random bytes made on first use and the same for every process
     * that uses this store.
     */
    CompletableFuture<byte[]> sharedSecret(String name);

    /**
     * A record id no profile has and no other call gets: for a create that must name its
     * profile's id before writing it (one retried under an idempotency key).
     */
    CompletableFuture<Long> reserveRecordId();

    /**
     * Keeps {@code proposed} under {@code key} (an {@link io.profilekit.core.IdempotencyKey}'s
     * digest) for {@code lifetime}, unless a record is kept there already; shared by every
     * process that uses this store.
     *
     * @return the record kept under the key now: {@code proposed}, or the one that was there
     */
    CompletableFuture<IdempotencyRecord> remember(String key, IdempotencyRecord proposed, Duration lifetime);

    /** Keeps {@code answered} under {@code key}, in place of its pending record, for {@code lifetime} from now. */
    CompletableFuture<Void> settle(String key, IdempotencyRecord answered, Duration lifetime);

    /**
     * Forgets every idempotency record of the create that wrote {@code recordId} (its answer is
     * a copy of the profile): the repository calls it before it deletes the profile, so that
     * nothing of a deleted profile outlives it. Completes also when there is none.
     */
    CompletableFuture<Void> forgetIdempotency(long recordId);

    /** Completes when the store answers a read of what serving needs; fails when it does not. */
    CompletableFuture<Void> ping();

    /** Releases what the store holds (connections, threads); idempotent. */
    @Override
    void close();
}
