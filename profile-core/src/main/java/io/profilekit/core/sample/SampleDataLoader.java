package io.profilekit.core.sample;

import io.profilekit.core.Profile;
import io.profilekit.core.ProfileConflictException;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * Writes generated people into a repository through its public API, as any client would:
 * each profile is created (the repository assigns its record id), then its avatar is stored
 * as its picture. A username that is already taken is replaced by another free one.
 *
 * <p>People are generated on every core in parallel and written in index order, so the same
 * seed loads the same data into an empty store, whatever the machine.
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
     * Creates the people at indexes {@code 0 .. count-1}.
     *
     * @param withPictures whether to store an avatar for each profile
     * @param progress told the number of profiles written so far, after each one
     * @return the number of profiles created
     */
    public long load(long count, boolean withPictures, LongConsumer progress) {
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService workers = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "profilekit-sample-data");
            thread.setDaemon(true);
            return thread;
        });
        ThreadLocal<SampleProfileGenerator> generators =
                ThreadLocal.withInitial(() -> new SampleProfileGenerator(seed));
        try {
            for (long first = 0; first < count; first += BATCH) {
                List<Future<SampleProfile>> batch = new ArrayList<>(BATCH);
                for (long index = first; index < Math.min(first + BATCH, count); index++) {
                    long i = index;
                    batch.add(workers.submit(() -> withPictures
                            ? generators.get().generate(i)
                            : new SampleProfile(generators.get().profile(i), null)));
                }
                for (int i = 0; i < batch.size(); i++) {
                    SampleProfile sample = batch.get(i).get();
                    StoredProfile stored = createWithFreeUsername(sample.profile());
                    if (sample.picture() != null) {
                        repository.putPicture(stored.recordId(), sample.picture());
                    }
                    progress.accept(first + i + 1);
                }
            }
            return count;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating sample data", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not generate sample data", e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    private StoredProfile createWithFreeUsername(Profile profile) {
        Profile candidate = profile;
        for (int attempt = 1; ; attempt++) {
            try {
                return repository.create(candidate);
            } catch (ProfileConflictException e) {
                if (attempt >= MAX_USERNAME_ATTEMPTS) {
                    throw e;
                }
                candidate = profile.toBuilder()
                        .userId(generator.alternativeUsername(profile, attempt))
                        .build();
            }
        }
    }
}
