package io.profilekit.core.couchbase.internal.maintenance;

import com.couchbase.client.java.Collection;
import com.couchbase.client.java.json.JsonObject;
import com.couchbase.client.java.kv.GetResult;
import io.profilekit.core.InvalidProfileException;
import io.profilekit.core.Profile;
import io.profilekit.core.couchbase.ReindexReport;
import io.profilekit.core.couchbase.internal.kv.Documents;
import io.profilekit.core.couchbase.internal.kv.Keys;
import io.profilekit.core.couchbase.internal.kv.ProfileReads;
import io.profilekit.core.couchbase.internal.kv.RecordIdCounter;
import io.profilekit.core.couchbase.internal.lookups.Lookups;
import io.profilekit.core.couchbase.internal.lookups.Nicknames;
import io.profilekit.core.couchbase.internal.query.QueryRunner;
import io.profilekit.core.couchbase.internal.query.Statements;
import io.profilekit.core.internal.Futures;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Writes the lookup entries of profiles other tools stored: pages through the profiles by SQL++
 * keyset in record id order, and writes each page's entries with up to {@code parallelism}
 * profiles in flight. A page is finished before the next begins, so a run stopped half way
 * resumes after the last record id it reported.
 */
public final class Reindexing {

    private static final int PAGE = 500;

    private final Collection profiles;
    private final Documents documents;
    private final Lookups lookups;
    private final Nicknames nicknames;
    private final ProfileReads reads;
    private final RecordIdCounter counter;
    private final QueryRunner queries;
    private final Statements statements;

    public Reindexing(Collection profiles, Documents documents, Lookups lookups, Nicknames nicknames, ProfileReads reads,
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
    public long count(long after) {
        List<Long> count = queries.rows(statements.countAfter, JsonObject.create().put("after", after), Long.class);
        return count.isEmpty() || count.get(0) == null ? 0 : count.get(0);
    }

    /**
     * @param after the record id to resume after; 0 for all
     * @param parallelism how many profiles may be in flight at once
     * @param progress told what was done so far, after each page
     */
    public ReindexReport run(long after, int parallelism, Consumer<ReindexReport> progress) {
        AtomicLong done = new AtomicLong();
        AtomicLong unreadable = new AtomicLong();
        Set<String> duplicates = new ConcurrentSkipListSet<>();
        Semaphore inFlight = new Semaphore(parallelism);
        long last = after;
        while (true) {
            List<String> keys = queries.rows(statements.list,
                    JsonObject.create().put("after", last).put("limit", PAGE), String.class);
            if (keys.isEmpty()) {
                break;
            }
            List<Optional<GetResult>> found = Futures.join(documents.getAll(profiles, keys));
            List<CompletableFuture<Void>> page = new ArrayList<>(keys.size());
            for (int i = 0; i < keys.size(); i++) {
                long id = Keys.recordIdOf(keys.get(i));
                last = Math.max(last, id);
                if (found.get(i).isEmpty()) {
                    continue;
                }
                Optional<Profile> profile = readable(id, found.get(i).get());
                if (profile.isEmpty()) {
                    unreadable.incrementAndGet();
                    continue;
                }
                inFlight.acquireUninterruptibly();
                page.add(index(id, profile.get(), duplicates)
                        .whenComplete((indexed, error) -> inFlight.release())
                        .thenRun(done::incrementAndGet));
            }
            Futures.join(CompletableFuture.allOf(page.toArray(CompletableFuture[]::new)));
            progress.accept(new ReindexReport(done.get(), unreadable.get(), List.copyOf(duplicates), last));
        }
        Futures.join(counter.raiseTo(last));
        return new ReindexReport(done.get(), unreadable.get(), List.copyOf(duplicates), last);
    }

    private static Optional<Profile> readable(long id, GetResult stored) {
        try {
            return Optional.of(ProfileReads.stored(id, stored).profile());
        } catch (InvalidProfileException e) {
            return Optional.empty();
        }
    }

    /** Writes one profile's entries. */
    private CompletableFuture<Void> index(long id, Profile profile, Set<String> duplicates) {
        CompletableFuture<Void> username = profile.userId() == null || profile.userId().isBlank()
                ? CompletableFuture.completedFuture(null)
                : lookups.indexUsername(profile.userId(), id, reads::holding).thenAccept(unique -> {
                    if (!unique) {
                        duplicates.add(profile.userId());
                    }
                });
        return username.thenCompose(indexed -> profile.nickname() == null
                ? CompletableFuture.completedFuture(null)
                : nicknames.add(profile.nickname(), id));
    }
}
