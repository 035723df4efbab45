package io.profilekit.core.couchbase.internal.maintenance;

import com.couchbase.client.core.error.CouchbaseException;
import com.couchbase.client.core.error.TimeoutException;
import com.couchbase.client.java.json.JsonArray;
import com.couchbase.client.java.json.JsonObject;
import io.profilekit.core.couchbase.internal.kv.Failures;
import io.profilekit.core.couchbase.internal.query.QueryRunner;
import io.profilekit.core.couchbase.internal.query.Statements;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The indexes of {@code init}: created with {@code defer_build: false} (an operator may have
 * made deferred builds the default), any left deferred built, and then waited for until
 * {@code system:indexes} says every one is online, so the first listing after init finds them.
 * Only errors known to pass are retried: a new collection not yet visible to the query service,
 * a build the indexer will retry in the background, a timeout (the statements say
 * {@code IF NOT EXISTS}, so running one again is safe). A missing privilege or a syntax error
 * fails at once.
 */
public final class IndexSetup {

    /** Query errors "keyspace not found" and "scope not found": a new collection not yet visible. */
    private static final Set<Integer> NOT_YET_VISIBLE = Set.of(12003, 12021);

    private final QueryRunner queries;
    private final Statements statements;
    private final Failures failures;
    private final Waiting waiting;

    IndexSetup(QueryRunner queries, Statements statements, Failures failures, Waiting waiting) {
        this.queries = queries;
        this.statements = statements;
        this.failures = failures;
        this.waiting = waiting;
    }

    /** @param newCollections whether init just created collections the query service may not see yet */
    void ensure(boolean newCollections, Consumer<String> progress) {
        for (Map.Entry<String, String> index : statements.indexes.entrySet()) {
            waiting.until("the query service to see the collection of index " + index.getKey(), progress,
                    () -> create(index.getValue(), newCollections),
                    () -> "the query service did not see the collection of index " + index.getKey());
        }
        List<String> names = List.copyOf(statements.indexes.keySet());
        waiting.until("indexes " + names + " to be online", progress, () -> online(names),
                () -> "the indexes " + names + " are not online; check the index service in the Couchbase console");
        progress.accept("indexes " + String.join(", ", names) + " are online");
    }

    /** Runs one CREATE INDEX; false when it should be tried again. */
    private boolean create(String statement, boolean newCollections) {
        try {
            queries.execute(statement);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (CouchbaseException e) {
            if (continuesInBackground(e)) {
                return true;
            }
            if (newCollections && Failures.queryErrorCode(e).filter(NOT_YET_VISIBLE::contains).isPresent()) {
                return false;
            }
            throw failures.translate(e);
        }
    }

    /** Builds those of {@code names} left deferred; true once every one is online. */
    private boolean online(List<String> names) {
        Map<String, String> states = new TreeMap<>();
        for (JsonObject row : queries.catalog(statements.indexStates,
                JsonObject.create().put("names", JsonArray.from(new ArrayList<Object>(names))))) {
            states.put(row.getString("name"), row.getString("state"));
        }
        List<String> deferred = names.stream()
                .filter(name -> "deferred".equals(states.get(name)) || "created".equals(states.get(name))).toList();
        if (!deferred.isEmpty()) {
            try {
                queries.execute(statements.buildIndexes(deferred));
            } catch (CouchbaseException e) {
                if (!continuesInBackground(e)) {
                    throw failures.translate(e);
                }
            }
        }
        return names.stream().allMatch(name -> "online".equals(states.get(name)));
    }

    /** The indexer took the request and goes on by itself: a build already running, or retried later. */
    private static boolean continuesInBackground(CouchbaseException e) {
        String message = String.valueOf(Failures.queryErrorMessage(e)).toLowerCase(Locale.ROOT);
        return message.contains("retried in background") || message.contains("retry building in the background")
                || message.contains("already in progress") || message.contains("build already");
    }
}
