package io.profilekit.core.couchbase;

import com.couchbase.client.java.Collection;
import com.couchbase.client.java.json.JsonObject;
import com.couchbase.client.java.kv.GetResult;
import io.profilekit.core.InvalidProfileException;
import io.profilekit.core.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Writes the lookup entries of profiles other tools stored: pages through the profiles by SQL++
 * keyset in record id order, and writes each page's entries with up to {@code parallelism}
 * profiles in flight. A page is finished before the next begins, so a run stopped half way
 * resumes after the last record id it reported.
 */
final class Reindexing {

    private static final int PAGE = 500;

    private final Collection profiles;
    private final Documents documents;
    private final Lookups lookups;
    private final Nicknames nicknames;
    private final ProfileReads reads;
    private final RecordIdCounter counter;
    private final QueryRunner queries;
    private final Statements statements;

    Reindexing(Collection profiles, Documents documents, Lookups lookups, Nicknames nicknames, ProfileReads reads,
            RecordIdCounter counter, QueryRunner queries, Statements statements) {
        this.profiles = profiles;
        this.documents = documents;
        this.lookups = lookups;
        this.nicknames = nicknames;
        this.reads = reads;
        this.counter = counter;
        this.queries = queries;
        this.statements = statements;
    }

    /** How many profiles have a record id above {@code after}. */
    long count(long after) {
        List<Long> count = queries.rows(statements.countAfter, JsonObject.create().put("after", after), Long.class);
        return count.isEmpty() || count.get(0) == null ? 0 : count.get(0);
    }

    /**
     * @param after the record id to resume after; 0 for all
     * @param progress told what was done so far, after each page
     */
    ReindexReport run(long after, int parallelism, Consumer<ReindexReport> progress) {
        ExecutorService workers = Executors.newFixedThreadPool(parallelism, task -> {
            Thread thread = new Thread(task, "profilekit-reindex");
            thread.setDaemon(true);
            return thread;
        });
        AtomicLong done = new AtomicLong();
        AtomicLong unreadable = new AtomicLong();
        Set<String> duplicates = new ConcurrentSkipListSet<>();
        long last = after;
        try {
            while (true) {
                List<String> keys = queries.rows(statements.list,
                        JsonObject.create().put("after", last).put("limit", PAGE), String.class);
                if (keys.isEmpty()) {
                    break;
                }
                List<Optional<GetResult>> found = documents.getAll(profiles, keys);
                List<Future<?>> page = new ArrayList<>(keys.size());
                for (int i = 0; i < keys.size(); i++) {
                    long id = Keys.recordIdOf(keys.get(i));
                    last = Math.max(last, id);
                    Optional<GetResult> document = found.get(i);
                    page.add(workers.submit(() -> document.ifPresent(stored -> {
                        if (index(id, stored, duplicates)) {
                            done.incrementAndGet();
                        } else {
                            unreadable.incrementAndGet();
                        }
                    })));
                }
                for (Future<?> profile : page) {
                    profile.get();
                }
                progress.accept(new ReindexReport(done.get(), unreadable.get(), List.copyOf(duplicates), last));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reindexing", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException("reindexing failed", e.getCause());
        } finally {
            workers.shutdownNow();
        }
        counter.raiseTo(last);
        return new ReindexReport(done.get(), unreadable.get(), List.copyOf(duplicates), last);
    }

    /** Writes one profile's entries; false when the document is no readable profile. */
    private boolean index(long id, GetResult stored, Set<String> duplicates) {
        Profile profile;
        try {
            profile = ProfileReads.stored(id, stored).profile();
        } catch (InvalidProfileException e) {
            return false;
        }
        if (profile.userId() != null && !profile.userId().isBlank()
                && !lookups.indexUsername(profile.userId(), id, reads::holdsUsername)) {
            duplicates.add(profile.userId());
        }
        if (profile.nickname() != null) {
            nicknames.add(profile.nickname(), id);
        }
        return true;
    }
}
