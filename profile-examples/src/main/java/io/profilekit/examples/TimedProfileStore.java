package io.profilekit.examples;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.profilekit.core.Page;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfilePicture;
import io.profilekit.core.ProfileQuery;
import io.profilekit.core.SearchQuery;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredPicture;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.core.spi.IdempotencyRecord;
import io.profilekit.core.spi.ProfileStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A store of your own: here one that wraps any other and times each of its calls into a
 * Micrometer registry, as {@code profilekit.store.calls{call, outcome}}, so you see how long
 * the store itself takes apart from HTTP. It implements profilekit's {@link ProfileStore}
 * interface; {@link ProfileRepository#of} serves it with all of profilekit's rules and retries,
 * and its test runs profilekit's compatibility kit against it.
 */
public final class TimedProfileStore implements ProfileStore {

    private final ProfileStore store;
    private final MeterRegistry registry;

    public TimedProfileStore(ProfileStore store, MeterRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    private <T> CompletableFuture<T> timed(String call, Supplier<CompletableFuture<T>> operation) {
        Timer.Sample sample = Timer.start(registry);
        return operation.get().whenComplete((value, failure) -> sample.stop(registry.timer("profilekit.store.calls",
                "call", call, "outcome", failure == null ? "success" : "failure")));
    }

    @Override
    public CompletableFuture<Optional<StoredProfile>> findById(long recordId) {
        return timed("findById", () -> store.findById(recordId));
    }

    @Override
    public CompletableFuture<Optional<StoredProfile>> findByUsername(String username) {
        return timed("findByUsername", () -> store.findByUsername(username));
    }

    @Override
    public CompletableFuture<Page<StoredProfile>> list(ProfileQuery query) {
        return timed("list", () -> store.list(query));
    }

    @Override
    public CompletableFuture<List<StoredProfile>> search(SearchQuery query) {
        return timed("search", () -> store.search(query));
    }

    @Override
    public CompletableFuture<Optional<StoredPicture>> findPicture(long pictureId) {
        return timed("findPicture", () -> store.findPicture(pictureId));
    }

    @Override
    public CompletableFuture<StoredProfile> insert(Profile profile) {
        return timed("insert", () -> store.insert(profile));
    }

    @Override
    public CompletableFuture<StoredProfile> replace(StoredProfile current, Profile replacement) {
        return timed("replace", () -> store.replace(current, replacement));
    }

    @Override
    public CompletableFuture<Void> delete(StoredProfile current) {
        return timed("delete", () -> store.delete(current));
    }

    @Override
    public CompletableFuture<StoredPicture> putPicture(StoredProfile current, ProfilePicture picture) {
        return timed("putPicture", () -> store.putPicture(current, picture));
    }

    @Override
    public CompletableFuture<Void> deletePicture(StoredProfile current) {
        return timed("deletePicture", () -> store.deletePicture(current));
    }

    @Override
    public CompletableFuture<byte[]> sharedSecret(String name) {
        return timed("sharedSecret", () -> store.sharedSecret(name));
    }

    @Override
    public CompletableFuture<Long> reserveRecordId() {
        return timed("reserveRecordId", store::reserveRecordId);
    }

    @Override
    public CompletableFuture<IdempotencyRecord> remember(String key, IdempotencyRecord proposed, Duration lifetime) {
        return timed("remember", () -> store.remember(key, proposed, lifetime));
    }

    @Override
    public CompletableFuture<Void> settle(String key, IdempotencyRecord answered, Duration lifetime) {
        return timed("settle", () -> store.settle(key, answered, lifetime));
    }

    @Override
    public CompletableFuture<Optional<long[]>> scanRecordIds(long after) {
        return timed("scanRecordIds", () -> store.scanRecordIds(after));
    }

    @Override
    public CompletableFuture<Void> forgetIdempotency(long recordId) {
        return timed("forgetIdempotency", () -> store.forgetIdempotency(recordId));
    }

    @Override
    public CompletableFuture<Void> ping() {
        return timed("ping", store::ping);
    }

    @Override
    public void close() {
        store.close();
    }

    /** Creates and reads a profile through a timed in-memory store, and prints the timers. */
    public static void main(String[] args) {
        MeterRegistry registry = new SimpleMeterRegistry();
        try (ProfileRepository repository = ProfileRepository.of(
                new TimedProfileStore(new InMemoryProfileStore(), registry))) {
            long id = repository.create(Profile.builder().userId("ada1815").name("Ada Lovelace").build()).recordId();
            repository.findById(id);
            repository.findById(id + 1);
        }
        registry.find("profilekit.store.calls").timers().stream()
                .map(timer -> timer.getId().getTag("call") + " " + timer.getId().getTag("outcome") + ": " + timer.count())
                .sorted()
                .forEach(System.out::println);
    }
}
