package io.profilekit.core;

import io.profilekit.core.internal.Futures;
import io.profilekit.core.internal.RetryPolicy;
import io.profilekit.core.spi.LostRaceException;
import io.profilekit.core.spi.ProfileStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The asynchronous face of a {@link ProfileRepository}: the same operations, answered with
 * futures that complete when the store answers, so that no thread waits on the network.
 * Reactive servers (Vert.x, WebFlux, Quarkus) and profilekit's own HTTP layer use it; get it
 * from {@link ProfileRepository#async()}.
 *
 * <p>This class is the one place where the repository's rules are applied for every store:
 * profiles are checked before any store sees them, a write that names the version it expects
 * fails with {@link PreconditionFailedException} as soon as the stored one differs, and a write
 * that names none retries after a lost race (after a short random wait, up to
 * {@value RetryPolicy#ATTEMPTS} attempts) and then fails with
 * {@link ProfileContendedException}, whichever operation it was.
 *
 * <p>Futures fail with the same {@link ProfileException}s the blocking face throws (possibly
 * wrapped in a {@link java.util.concurrent.CompletionException} by the stages you add). Functions passed in
 * ({@link #update}'s change) run on the thread that completes the store's read: they must not
 * block.
 */
public final class AsyncProfileRepository {

    private final ProfileStore store;
    private final IdempotentCreates idempotent;

    AsyncProfileRepository(ProfileStore store) {
        this.store = Objects.requireNonNull(store, "store");
        this.idempotent = new IdempotentCreates(store);
    }

    /** See {@link ProfileRepository#findById}. */
    public CompletableFuture<Optional<StoredProfile>> findById(long recordId) {
        return call(() -> store.findById(recordId));
    }

    /** See {@link ProfileRepository#findByUsername}. */
    public CompletableFuture<Optional<StoredProfile>> findByUsername(String username) {
        return call(() -> store.findByUsername(Objects.requireNonNull(username, "username")));
    }

    /** See {@link ProfileRepository#findByNickname}. */
    public CompletableFuture<List<StoredProfile>> findByNickname(String nickname, int limit) {
        return call(() -> store.list(ProfileQuery.first(Math.max(1, Math.min(limit, ProfileQuery.MAX_LIMIT)))
                .withNickname(Objects.requireNonNull(nickname, "nickname"))).thenApply(Page::items));
    }

    /** See {@link ProfileRepository#list}. */
    public CompletableFuture<Page<StoredProfile>> list(ProfileQuery query) {
        return call(() -> store.list(Objects.requireNonNull(query, "query")));
    }

    /** See {@link ProfileRepository#walk}. */
    public CompletableFuture<ProfileWalk> walk(long after) {
        return ProfileWalk.start(store, after);
    }

    /** See {@link ProfileRepository#search}. */
    public CompletableFuture<List<StoredProfile>> search(SearchQuery query) {
        return call(() -> store.search(Objects.requireNonNull(query, "query")));
    }

    /** See {@link ProfileRepository#findPicture}. */
    public CompletableFuture<Optional<StoredPicture>> findPicture(long pictureId) {
        return call(() -> store.findPicture(pictureId));
    }

    /** See {@link ProfileRepository#create(Profile)}. */
    public CompletableFuture<StoredProfile> create(Profile profile) {
        return call(() -> {
            ProfileRules.checkWritable(profile);
            return insert(profile);
        });
    }

    private CompletableFuture<StoredProfile> insert(Profile checked) {
        return retrying(0, null, () -> store.insert(checked), () -> new ProfileContendedException(
                "the username's entry kept changing while the profile was created; try again"));
    }

    /** See {@link ProfileRepository#create(Profile, IdempotencyKey)}. */
    public CompletableFuture<StoredProfile> create(Profile profile, IdempotencyKey key) {
        Objects.requireNonNull(key, "key");
        return call(() -> {
            ProfileRules.checkWritable(profile);
            return idempotent.create(profile, key, this::insert);
        });
    }

    /** See {@link ProfileRepository#replace(Profile, Version)}. */
    public CompletableFuture<StoredProfile> replace(Profile profile, Version expected) {
        return call(() -> {
            ProfileRules.checkReplaceable(profile);
            long recordId = profile.recordId();
            return retrying(recordId, expected, () -> current(recordId, expected)
                    .thenCompose(current -> store.replace(current, profile)),
                    () -> ProfileContendedException.changingTooOften(recordId));
        });
    }

    /** See {@link ProfileRepository#update}. */
    public CompletableFuture<StoredProfile> update(long recordId, Version expected,
            Function<StoredProfile, Profile> change) {
        Objects.requireNonNull(change, "change");
        return call(() -> retrying(recordId, expected, () -> current(recordId, expected).thenCompose(current -> {
            Profile changed = change.apply(current);
            ProfileRules.checkUpdate(current.profile(), changed);
            ProfileRules.checkWritable(changed);
            return store.replace(current, changed);
        }), () -> ProfileContendedException.changingTooOften(recordId)));
    }

    /** See {@link ProfileRepository#delete(long, Version)}. */
    public CompletableFuture<Void> delete(long recordId, Version expected) {
        // Its idempotency records first, which hold a copy of it: a failure then leaves the profile to delete again.
        return call(() -> store.forgetIdempotency(recordId).thenCompose(forgotten -> retrying(recordId, expected,
                () -> current(recordId, expected).thenCompose(store::delete),
                () -> ProfileContendedException.changingTooOften(recordId))));
    }

    /** See {@link ProfileRepository#putPicture}. */
    public CompletableFuture<StoredPicture> putPicture(long recordId, ProfilePicture picture) {
        Objects.requireNonNull(picture, "picture");
        return call(() -> retrying(recordId, null, () -> current(recordId, null)
                .thenCompose(current -> store.putPicture(current, picture)),
                () -> ProfileContendedException.changingTooOften(recordId)));
    }

    /** See {@link ProfileRepository#deletePicture}. */
    public CompletableFuture<Void> deletePicture(long recordId) {
        return call(() -> retrying(recordId, null, () -> current(recordId, null).thenCompose(current -> {
            if (current.profile().picture() == null) {
                throw ProfileNotFoundException.noPicture(recordId);
            }
            return store.deletePicture(current);
        }), () -> ProfileContendedException.changingTooOften(recordId)));
    }

    /** See {@link ProfileRepository#sharedSecret}. */
    public CompletableFuture<byte[]> sharedSecret(String name) {
        return call(() -> store.sharedSecret(ProfileRules.checkSecretName(name)).thenApply(byte[]::clone));
    }

    /** See {@link ProfileRepository#ping}. */
    public CompletableFuture<Void> ping() {
        return call(store::ping);
    }

    /** The stored profile a write starts from, checked against the version the caller expects. */
    private CompletableFuture<StoredProfile> current(long recordId, Version expected) {
        return store.findById(recordId).thenApply(found -> {
            StoredProfile current = found.orElseThrow(() -> ProfileNotFoundException.noProfile(recordId));
            if (expected != null && !expected.equals(current.version())) {
                throw PreconditionFailedException.changedSince(recordId, expected);
            }
            return current;
        });
    }

    /**
     * Runs a write until it does not lose a race: a lost race fails a write that expects a
     * version with 412 at once, and otherwise starts the write again after the policy's wait.
     */
    private <T> CompletableFuture<T> retrying(long recordId, Version expected, Supplier<CompletableFuture<T>> write,
            Supplier<ProfileContendedException> exhausted) {
        CompletableFuture<T> result = new CompletableFuture<>();
        attempt(0, recordId, expected, write, exhausted, result);
        return result;
    }

    private <T> void attempt(int attempt, long recordId, Version expected, Supplier<CompletableFuture<T>> write,
            Supplier<ProfileContendedException> exhausted, CompletableFuture<T> result) {
        Futures.attempt(write).whenComplete((value, error) -> {
            if (error == null) {
                result.complete(value);
                return;
            }
            Throwable cause = Futures.unwrap(error);
            if (!(cause instanceof LostRaceException lost)) {
                result.completeExceptionally(cause);
            } else if (expected != null && lost.versionChanged()) {
                result.completeExceptionally(PreconditionFailedException.changedSince(recordId, expected));
            } else if (attempt + 1 >= RetryPolicy.ATTEMPTS) {
                result.completeExceptionally(exhausted.get());
            } else {
                RetryPolicy.afterBackOff(attempt,
                        () -> attempt(attempt + 1, recordId, expected, write, exhausted, result));
            }
        });
    }

    private static <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> operation) {
        return Futures.attempt(operation);
    }
}
