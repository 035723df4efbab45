package io.profilekit.core.couchbase;

import com.couchbase.client.java.Cluster;
import com.couchbase.client.java.Collection;
import com.couchbase.client.java.json.JsonObject;
import com.couchbase.client.java.kv.GetResult;
import io.profilekit.core.InvalidProfileException;
import io.profilekit.core.Profile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Preparing a keyspace ({@link #init}) and writing the lookup documents of profiles other tools
 * stored ({@link #reindex}). Both are safe to run again.
 */
final class Maintenance {

    private static final int REINDEX_PAGE = 500;

    private final CouchbaseKeyspace keyspace;
    private final CollectionSetup collections;
    private final IndexSetup indexes;
    private final Collection profiles;
    private final Documents documents;
    private final Lookups lookups;
    private final Nicknames nicknames;
    private final ProfileReads reads;
    private final RecordIdCounter counter;
    private final QueryRunner queries;
    private final Statements statements;

    Maintenance(Cluster cluster, CouchbaseKeyspace keyspace, Collection profiles, Documents documents,
            Lookups lookups, Nicknames nicknames, ProfileReads reads, RecordIdCounter counter, QueryRunner queries, Statements statements,
            Failures failures, Waiting waiting) {
        this.keyspace = keyspace;
        this.collections = new CollectionSetup(cluster, keyspace, failures, waiting);
        this.indexes = new IndexSetup(queries, statements, failures, waiting);
        this.profiles = profiles;
        this.documents = documents;
        this.lookups = lookups;
        this.nicknames = nicknames;
        this.reads = reads;
        this.counter = counter;
        this.queries = queries;
        this.statements = statements;
    }

    /**
     * Creates what is missing of the keyspace, waits for it, then moves the counter.
     *
     * @param progress told each step, and every few seconds while waiting
     */
    void init(Consumer<String> progress) {
        List<String> created = keyspace.isDefaultCollection() ? List.of() : collections.ensure(progress);
        indexes.ensure(!created.isEmpty(), progress);
        List<Long> highest = queries.rows(statements.highestRecordId, JsonObject.create(), Long.class);
        long top = highest.isEmpty() || highest.get(0) == null ? 0 : highest.get(0);
        counter.raiseTo(top);
        progress.accept("record id counter is above the highest record id (" + top + ")");
    }

    ReindexReport reindex(LongConsumer progress) {
        long after = 0;
        long done = 0;
        long unreadable = 0;
        List<String> duplicates = new ArrayList<>();
        while (true) {
            List<String> keys = queries.rows(statements.list,
                    JsonObject.create().put("after", after).put("limit", REINDEX_PAGE), String.class);
            if (keys.isEmpty()) {
                break;
            }
            List<Optional<GetResult>> found = documents.getAll(profiles, keys);
            for (int i = 0; i < keys.size(); i++) {
                long id = Keys.recordIdOf(keys.get(i));
                after = Math.max(after, id);
                if (found.get(i).isEmpty()) {
                    continue;
                }
                Profile profile;
                try {
                    profile = ProfileReads.stored(id, found.get(i).get()).profile();
                } catch (InvalidProfileException e) {
                    unreadable++;
                    continue;
                }
                if (profile.userId() != null && !profile.userId().isBlank()
                        && !lookups.indexUsername(profile.userId(), id, reads::holdsUsername)) {
                    duplicates.add(profile.userId());
                }
                if (profile.nickname() != null) {
                    nicknames.add(profile.nickname(), id);
                }
                done++;
            }
            progress.accept(done);
        }
        counter.raiseTo(after);
        return new ReindexReport(done, unreadable, List.copyOf(new LinkedHashSet<>(duplicates)));
    }
}
