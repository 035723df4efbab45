package io.profilekit.core.memory;

import io.profilekit.core.Page;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileConflictException;
import io.profilekit.core.ProfileNotFoundException;
import io.profilekit.core.ProfilePicture;
import io.profilekit.core.ProfileQuery;
import io.profilekit.core.SearchQuery;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.StoredPicture;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.Version;
import io.profilekit.core.spi.IdempotencyRecord;
import io.profilekit.core.spi.LostRaceException;
import io.profilekit.core.spi.Pages;
import io.profilekit.core.spi.ProfileStore;
import io.profilekit.core.spi.SearchRanking;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A {@link ProfileStore} held in this process's memory: the embedded default when no database
 * is configured, and the test double to use in your own tests, since the repository over it
 * keeps the very contract it keeps over Couchbase (unique usernames, a new version on every
 * write, conditional writes that fail rather than overwrite, keyset pages).
 *
 * <pre>{@code
 * ProfileRepository repository = ProfileRepository.of(new InMemoryProfileStore());
 * }</pre>
 *
 * <p>Every operation completes before it returns. Reads take no lock and cost one hash lookup
 * by id or username; nickname lookups and search use indexes. Writes are serialised and update
 * the indexes in the same call, so a profile is found as soon as its write returns. Nothing
 * survives the process.
 */
public final class InMemoryProfileStore implements ProfileStore {

    private final ConcurrentHashMap<Long, StoredProfile> profiles = new ConcurrentHashMap<>();
    private final ConcurrentSkipListSet<Long> ids = new ConcurrentSkipListSet<>();
    private final ConcurrentHashMap<String, Long> usernames = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ConcurrentSkipListSet<Long>> nicknames =
            new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, StoredPicture> pictures = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, byte[]> secrets = new ConcurrentHashMap<>();
    private final SearchIndex searchIndex = new SearchIndex();
    private final IdempotencyRecords idempotency;

    /** Starts from the clock so that versions (entity tags) do not repeat across restarts. */
    private final AtomicLong versions = new AtomicLong(System.currentTimeMillis() << 16);
    private final Object writeLock = new Object();
    private long highestRecordId;
    private volatile boolean closed;

    /** An empty store. */
    public InMemoryProfileStore() {
        this(System::nanoTime);
    }

    /** An empty store whose idempotency keys expire by {@code nanoTime} (tests pass their own). */
    InMemoryProfileStore(LongSupplier nanoTime) {
        this.idempotency = new IdempotencyRecords(nanoTime);
    }

    /** The number of profiles stored. */
    public int size() {
        return profiles.size();
    }

    @Override
    public CompletableFuture<Optional<StoredProfile>> findById(long recordId) {
        return now(() -> Optional.ofNullable(profiles.get(recordId)));
    }

    @Override
    public CompletableFuture<Optional<StoredProfile>> findByUsername(String username) {
        return now(() -> {
            Long recordId = usernames.get(username);
            if (recordId == null) {
                return Optional.empty();
            }
            StoredProfile stored = profiles.get(recordId);
            // A rename may have happened between the two reads: answer only what is still true.
            return stored != null && username.equals(stored.profile().userId())
                    ? Optional.of(stored)
                    : Optional.empty();
        });
    }

    @Override
    public CompletableFuture<Page<StoredProfile>> list(ProfileQuery query) {
        return now(() -> {
            List<StoredProfile> found = new ArrayList<>(Math.min(query.limit() + 1, 64));
            for (Long recordId : candidates(query)) {
                StoredProfile stored = profiles.get(recordId);
                if (stored != null && query.matches(stored.profile())) {
                    found.add(stored);
                    if (found.size() > query.limit()) {
                        break;
                    }
                }
            }
            return Pages.cut(found, query.limit(), StoredProfile::recordId);
        });
    }

    private Iterable<Long> candidates(ProfileQuery query) {
        if (query.username() != null) {
            Long recordId = usernames.get(query.username());
            return recordId == null || recordId <= query.after() ? Set.of() : Set.of(recordId);
        }
        if (query.nickname() != null) {
            ConcurrentSkipListSet<Long> matching = nicknames.get(query.nickname());
            return matching == null ? Set.of() : matching.tailSet(query.after(), false);
        }
        return ids.tailSet(query.after(), false);
    }

    /**
     * The index's best matches, and the profiles whose username or nickname is the text as typed
     * (exact matches rank first, and a common word's index holders are read only until the limit).
     */
    @Override
    public CompletableFuture<List<StoredProfile>> search(SearchQuery query) {
        return now(() -> {
            String typed = query.text().strip();
            Stream<Long> exact = Stream.concat(Stream.ofNullable(usernames.get(typed)),
                    Stream.ofNullable(nicknames.get(typed)).flatMap(ids -> ids.stream().limit(query.limit())));
            return SearchRanking.best(Stream.concat(exact,
                    searchIndex.search(query.words(), query.fields(), query.limit()).stream())
                    .map(profiles::get).filter(Objects::nonNull), query);
        });
    }

    @Override
    public CompletableFuture<Optional<StoredPicture>> findPicture(long pictureId) {
        return now(() -> Optional.ofNullable(pictures.get(pictureId)));
    }

    @Override
    public CompletableFuture<StoredProfile> insert(Profile profile) {
        return now(() -> {
            synchronized (writeLock) {
                ensureOpen();
                long recordId = profile.recordId() != null ? profile.recordId() : highestRecordId + 1;
                if (profiles.containsKey(recordId)) {
                    throw ProfileConflictException.recordIdTaken(recordId);
                }
                if (usernames.containsKey(profile.userId())) {
                    throw ProfileConflictException.usernameTaken(profile.userId());
                }
                StoredProfile stored = StoredProfile.of(profile.withRecordId(recordId), nextVersion());
                profiles.put(recordId, stored);
                ids.add(recordId);
                index(stored.profile());
                highestRecordId = Math.max(highestRecordId, recordId);
                return stored;
            }
        });
    }

    @Override
    public CompletableFuture<StoredProfile> replace(StoredProfile current, Profile replacement) {
        return now(() -> {
            synchronized (writeLock) {
                checkCurrent(current);
                Long owner = usernames.get(replacement.userId());
                if (owner != null && owner != current.recordId()) {
                    throw ProfileConflictException.usernameTaken(replacement.userId());
                }
                return swap(current, replacement);
            }
        });
    }

    @Override
    public CompletableFuture<Void> delete(StoredProfile current) {
        return now(() -> {
            synchronized (writeLock) {
                checkCurrent(current);
                Profile profile = current.profile();
                profiles.remove(current.recordId());
                ids.remove(current.recordId());
                unindex(profile);
                if (profile.picture() != null) {
                    pictures.remove(profile.picture());
                }
                return null;
            }
        });
    }

    @Override
    public CompletableFuture<StoredPicture> putPicture(StoredProfile current, ProfilePicture picture) {
        return now(() -> {
            synchronized (writeLock) {
                checkCurrent(current);
                Profile profile = current.profile();
                long pictureId = profile.picture() != null ? profile.picture() : current.recordId();
                StoredPicture stored = StoredPicture.of(pictureId, picture, nextVersion());
                pictures.put(pictureId, stored);
                swap(current, profile.picture() == null ? profile.withPicture(pictureId) : profile);
                return stored;
            }
        });
    }

    @Override
    public CompletableFuture<Void> deletePicture(StoredProfile current) {
        return now(() -> {
            synchronized (writeLock) {
                checkCurrent(current);
                pictures.remove(current.profile().picture());
                swap(current, current.profile().withPicture(null));
                return null;
            }
        });
    }

    @Override
    public CompletableFuture<byte[]> sharedSecret(String name) {
        return now(() -> secrets.computeIfAbsent(name, unused -> {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            return secret;
        }));
    }

    @Override
    public CompletableFuture<Long> reserveRecordId() {
        return now(() -> {
            synchronized (writeLock) {
                return ++highestRecordId;
            }
        });
    }

    @Override
    public CompletableFuture<IdempotencyRecord> remember(String key, IdempotencyRecord proposed, Duration lifetime) {
        return now(() -> idempotency.remember(key, proposed, lifetime));
    }

    @Override
    public CompletableFuture<Void> settle(String key, IdempotencyRecord answered, Duration lifetime) {
        return now(() -> {
            idempotency.settle(key, answered, lifetime);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> forgetIdempotency(long recordId) {
        return now(() -> {
            idempotency.forget(recordId);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> ping() {
        return now(() -> null);
    }

    /** Empties the store and refuses further calls. */
    @Override
    public void close() {
        synchronized (writeLock) {
            closed = true;
            profiles.clear();
            ids.clear();
            usernames.clear();
            nicknames.clear();
            searchIndex.clear();
            pictures.clear();
            idempotency.clear();
        }
    }

    /** Checks, under the write lock, that the profile is still stored at the version a write starts from. */
    private void checkCurrent(StoredProfile current) {
        ensureOpen();
        StoredProfile stored = profiles.get(current.recordId());
        if (stored == null) {
            throw ProfileNotFoundException.noProfile(current.recordId());
        }
        if (!stored.version().equals(current.version())) {
            throw LostRaceException.versionChanged(current.recordId());
        }
    }

    /**
     * Stores a new state of a profile. New index entries go in before the profile and stale
     * ones leave after it, so a concurrent reader never misses a profile that exists.
     */
    private StoredProfile swap(StoredProfile current, Profile replacement) {
        StoredProfile stored = StoredProfile.of(replacement, nextVersion());
        Profile previous = current.profile();
        index(replacement);
        profiles.put(stored.recordId(), stored);
        if (!previous.userId().equals(replacement.userId())) {
            usernames.remove(previous.userId(), previous.recordId());
        }
        if (previous.nickname() != null && !previous.nickname().equals(replacement.nickname())) {
            removeNickname(previous.nickname(), previous.recordId());
        }
        return stored;
    }

    private void index(Profile profile) {
        searchIndex.put(profile);
        usernames.put(profile.userId(), profile.recordId());
        if (profile.nickname() != null) {
            nicknames.computeIfAbsent(profile.nickname(), key -> new ConcurrentSkipListSet<>())
                    .add(profile.recordId());
        }
    }

    private void unindex(Profile profile) {
        searchIndex.remove(profile.recordId());
        usernames.remove(profile.userId(), profile.recordId());
        if (profile.nickname() != null) {
            removeNickname(profile.nickname(), profile.recordId());
        }
    }

    private void removeNickname(String nickname, long recordId) {
        nicknames.computeIfPresent(nickname, (key, matching) -> {
            matching.remove(recordId);
            return matching.isEmpty() ? null : matching;
        });
    }

    private Version nextVersion() {
        return new Version(versions.incrementAndGet());
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreUnavailableException("the repository is closed");
        }
    }

    /** The operation's outcome as a completed future: its value, or what it threw. */
    private <T> CompletableFuture<T> now(Supplier<T> operation) {
        try {
            ensureOpen();
            return CompletableFuture.completedFuture(operation.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
