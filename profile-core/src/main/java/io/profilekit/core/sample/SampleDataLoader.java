package io.profilekit.core.sample;

import io.profilekit.core.Profile;
import io.profilekit.core.ProfileConflictException;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.internal.Futures;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Writes generated people into a repository through its public API, as any client would:
 * each profile is created (the repository assigns its record id), then its avatar is stored
 * as its picture. A username that is already taken is replaced by another free one.
 *
 * <p>People are generated on every core in parallel. Written one at a time, they are written in
 * index order, so the same seed loads the same data into an empty store, whatever the machine;
 * written with more operations in flight (for a remote store, where each write waits a round
 * trip), the people are the same but their record ids follow the order the writes finish in.
 */
public final class SampleDataLoader {

    private static final int MAX_USERNAME_ATTEMPTS = 64;
    private static final int BATCH = 256;

    private final ProfileRepository repository;
    private final long seed;
    private final SampleProfileGenerator generator;

    /** A loader of the people that {@code new SampleProfileGenerator(seed)} generates. */
    public SampleDataLoader(ProfileRepository repository, long seed) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.seed = seed;
        this.generator = new SampleProfileGenerator(seed);
    }

    /**
     * Creates the people at indexes {@code 0 .. count-1}, one at a time, in index order.
     *
     * @param withPictures whether to store an avatar for each profile
     * @param progress told the number of profiles written so far, after each one
     * @return the number of profiles created
     */
    public long load(long count, boolean withPictures, LongConsumer progress) {
        return load(count, withPictures, 1, progress);
    }

    /**
     * Creates the people at indexes {@code 0 .. count-1}, with up to {@code parallelism}
     * profiles being written at once (through the repository's asynchronous face: no thread
     * waits for a write).
     *
     * @param parallelism how many profiles may be in flight; 1 writes them in index order
     * @param progress told the number of profiles written so far, after each one; never
     *     concurrently
     * @return the number of profiles created
     * @throws RuntimeException the first failure of a write, once the writes in flight ended
     */
    public long load(long count, boolean withPictures, int parallelism, LongConsumer progress) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        ExecutorService generators = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
            Thread thread = new Thread(task, "profilekit-sample-data");
            thread.setDaemon(true);
            return thread;
        });
        Writes writes = new Writes(parallelism, progress);
        ThreadLocal<SampleProfileGenerator> generated = ThreadLocal.withInitial(() -> new SampleProfileGenerator(seed));
        try {
            for (long first = 0; first < count && writes.failure() == null; first += BATCH) {
                List<Future<SampleProfile>> batch = new ArrayList<>(BATCH);
                for (long index = first; index < Math.min(first + BATCH, count); index++) {
                    long i = index;
                    batch.add(generators.submit(() -> withPictures
                            ? generated.get().generate(i)
                            : new SampleProfile(generated.get().profile(i), null)));
                }
                for (Future<SampleProfile> sample : batch) {
                    SampleProfile person = sample.get();
                    writes.start(() -> store(person));
                }
            }
            writes.awaitAll();
            if (writes.failure() != null) {
                throw writes.failure();
            }
            return count;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating sample data", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not generate sample data", e.getCause());
        } finally {
            generators.shutdownNow();
        }
    }

    private CompletableFuture<Void> store(SampleProfile sample) {
        return createWithFreeUsername(sample.profile(), sample.profile(), 1).thenCompose(stored -> sample.picture() == null
                ? CompletableFuture.completedFuture(null)
                : repository.async().putPicture(stored.recordId(), sample.picture()).thenApply(picture -> null));
    }

    /** The writes in flight: at most {@code parallelism}, counted as they end, the first failure kept. */
    private static final class Writes {
        private final int parallelism;
        private final Semaphore slots;
        private final LongConsumer progress;
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
        private long done;

        Writes(int parallelism, LongConsumer progress) {
            this.parallelism = parallelism;
            this.slots = new Semaphore(parallelism);
            this.progress = progress;
        }

        /** Starts one write once a slot is free (once the one before it ended, one at a time). */
        void start(Supplier<CompletableFuture<Void>> write) throws InterruptedException {
            slots.acquire();
            if (failure.get() != null) {
                slots.release();
                return;
            }
            Futures.attempt(write).whenComplete((ignored, error) -> {
                if (error == null) {
                    synchronized (this) {
                        progress.accept(++done);
                    }
                } else {
                    failure.compareAndSet(null, Futures.rethrow(error));
                }
                slots.release();
            });
        }

        void awaitAll() throws InterruptedException {
            slots.acquire(parallelism);
            slots.release(parallelism);
        }

        RuntimeException failure() {
            return failure.get();
        }
    }

    /** Creates the profile, under another free username for each one taken, up to the limit. */
    private CompletableFuture<StoredProfile> createWithFreeUsername(Profile profile, Profile candidate, int attempt) {
        return Futures.then(repository.async().create(candidate), (stored, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(stored);
            }
            if (!(error instanceof ProfileConflictException) || attempt >= MAX_USERNAME_ATTEMPTS) {
                return CompletableFuture.failedFuture(error);
            }
            return createWithFreeUsername(profile, profile.toBuilder()
                    .userId(generator.alternativeUsername(profile, attempt)).build(), attempt + 1);
        });
    }
}
