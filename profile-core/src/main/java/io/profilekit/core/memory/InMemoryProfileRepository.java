package io.profilekit.core.memory;

import io.profilekit.core.Page;
import io.profilekit.core.PreconditionFailedException;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileConflictException;
import io.profilekit.core.ProfileNotFoundException;
import io.profilekit.core.ProfilePicture;
import io.profilekit.core.ProfileQuery;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.ProfileRules;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.StoredPicture;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.Version;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link ProfileRepository} held in this process's memory: the embedded default when no
 * database is configured, and the test double to use in your own tests, since it keeps the
 * very contract the Couchbase repository keeps (unique usernames, a new version on every
 * write, conditional writes that fail rather than overwrite, keyset pages).
 *
 * <p>Reads take no lock and cost one hash lookup by id or username; nickname lookups use an
 * index. Writes are serialised, which keeps the indexes consistent with the profiles. Nothing
 * survives the process.
 */
public final class InMemoryProfileRepository implements ProfileRepository {

    private final ConcurrentHashMap<Long, StoredProfile> profiles = new ConcurrentHashMap<>();
    private final ConcurrentSkipListSet<Long> ids = new ConcurrentSkipListSet<>();
    private final ConcurrentHashMap<String, Long> usernames = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ConcurrentSkipListSet<Long>> nicknames =
            new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, StoredPicture> pictures = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, byte[]> secrets = new ConcurrentHashMap<>();

    /** Starts from the clock so that versions (entity tags) do not repeat across restarts. */
    private final AtomicLong versions = new AtomicLong(System.currentTimeMillis() << 16);
    private final Object writeLock = new Object();
    private long highestRecordId;
    private volatile boolean closed;

    /** An empty repository. */
    public InMemoryProfileRepository() {
    }

    /** The number of profiles stored. */
    public int size() {
        return profiles.size();
    }

    @Override
    public Optional<StoredProfile> findById(long recordId) {
        ensureOpen();
        return Optional.ofNullable(profiles.get(recordId));
    }

    @Override
    public Optional<StoredProfile> findByUsername(String username) {
        ensureOpen();
        Long recordId = usernames.get(Objects.requireNonNull(username, "username"));
        if (recordId == null) {
            return Optional.empty();
        }
        StoredProfile stored = profiles.get(recordId);
        // A rename may have happened between the two reads: answer only what is still true.
        return stored != null && username.equals(stored.profile().userId())
                ? Optional.of(stored)
                : Optional.empty();
    }

    @Override
    public Page<StoredProfile> list(ProfileQuery query) {
        ensureOpen();
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
        return Page.cut(found, query.limit(), StoredProfile::recordId);
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

    @Override
    public Optional<StoredPicture> findPicture(long pictureId) {
        ensureOpen();
        return Optional.ofNullable(pictures.get(pictureId));
    }

    @Override
    public StoredProfile create(Profile profile) {
        ProfileRules.checkWritable(profile);
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
    }

    @Override
    public StoredProfile replace(Profile profile, Version expected) {
        ProfileRules.checkReplaceable(profile);
        synchronized (writeLock) {
            StoredProfile current = current(profile.recordId(), expected);
            Long owner = usernames.get(profile.userId());
            if (owner != null && owner != current.recordId()) {
                throw ProfileConflictException.usernameTaken(profile.userId());
            }
            return swap(current, profile);
        }
    }

    @Override
    public void delete(long recordId, Version expected) {
        synchronized (writeLock) {
            StoredProfile current = current(recordId, expected);
            Profile profile = current.profile();
            profiles.remove(recordId);
            ids.remove(recordId);
            unindex(profile);
            if (profile.picture() != null) {
                pictures.remove(profile.picture());
            }
        }
    }

    @Override
    public StoredPicture putPicture(long recordId, ProfilePicture picture) {
        Objects.requireNonNull(picture, "picture");
        synchronized (writeLock) {
            StoredProfile current = current(recordId, null);
            Profile profile = current.profile();
            long pictureId = profile.picture() != null ? profile.picture() : recordId;
            StoredPicture stored = StoredPicture.of(pictureId, picture, nextVersion());
            pictures.put(pictureId, stored);
            swap(current, profile.picture() == null ? profile.withPicture(pictureId) : profile);
            return stored;
        }
    }

    @Override
    public void deletePicture(long recordId) {
        synchronized (writeLock) {
            StoredProfile current = current(recordId, null);
            Long pictureId = current.profile().picture();
            if (pictureId == null) {
                throw ProfileNotFoundException.noPicture(recordId);
            }
            pictures.remove(pictureId);
            swap(current, current.profile().withPicture(null));
        }
    }

    @Override
    public byte[] sharedSecret(String name) {
        ProfileRepository.checkSecretName(name);
        ensureOpen();
        return secrets.computeIfAbsent(name, unused -> {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            return secret;
        }).clone();
    }

    @Override
    public void ping() {
        ensureOpen();
    }

    /** Empties the repository and refuses further calls. */
    @Override
    public void close() {
        synchronized (writeLock) {
            closed = true;
            profiles.clear();
            ids.clear();
            usernames.clear();
            nicknames.clear();
            pictures.clear();
        }
    }

    /** The stored profile a write applies to, checked against the expected version. */
    private StoredProfile current(long recordId, Version expected) {
        ensureOpen();
        StoredProfile current = profiles.get(recordId);
        if (current == null) {
            throw ProfileNotFoundException.noProfile(recordId);
        }
        if (expected != null && !expected.equals(current.version())) {
            throw PreconditionFailedException.changedSince(recordId, expected);
        }
        return current;
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
        usernames.put(profile.userId(), profile.recordId());
        if (profile.nickname() != null) {
            nicknames.computeIfAbsent(profile.nickname(), key -> new ConcurrentSkipListSet<>())
                    .add(profile.recordId());
        }
    }

    private void unindex(Profile profile) {
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
}
