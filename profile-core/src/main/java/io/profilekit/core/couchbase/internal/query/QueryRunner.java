package io.profilekit.core.couchbase.internal.query;

import com.couchbase.client.core.error.CouchbaseException;
import com.couchbase.client.java.Scope;
import com.couchbase.client.java.json.JsonObject;
import com.couchbase.client.java.query.QueryOptions;
import com.couchbase.client.java.query.QueryScanConsistency;
import io.profilekit.core.couchbase.internal.kv.Failures;
import io.profilekit.core.couchbase.internal.kv.WrittenTokens;
import io.profilekit.core.internal.Futures;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs profilekit's SQL++ statements. Statements are constant text; every value from a
 * request travels as a named parameter, never inside the text. Listings run on the SDK's
 * asynchronous API; maintenance (init, reindex, the doctor) blocks, off any request's path.
 */
public interface QueryRunner {

    /**
     * Runs a prepared statement ({@code adhoc(false)}) and reads each row as {@code type}. The
     * index is brought up to date with every write made before the statement (request_plus),
     * so maintenance never misses a profile, whoever wrote it.
     */
    <T> List<T> rows(String statement, JsonObject parameters, Class<T> type);

    /** {@link #rows}, without waiting, with the listing's consistency ({@link WrittenTokens}). */
    <T> CompletableFuture<List<T>> listing(String statement, JsonObject parameters, Class<T> type);

    /** Reads the system catalog ({@code system:indexes}) once, unprepared: it has no index to wait for. */
    List<JsonObject> catalog(String statement, JsonObject parameters);

    /**
     * Runs a statement without parameters once, unprepared (DDL cannot be prepared), with the
     * DDL timeout.
     *
     * @throws CouchbaseException as the SDK raised it: the caller decides what may be retried
     */
    void execute(String statement);

    /** Statements run in {@code scope}, where collection names resolve. */
    static QueryRunner on(Scope scope, Duration timeout, Duration ddlTimeout, Failures failures,
            WrittenTokens consistency) {
        return new QueryRunner() {
            @Override
            public <T> List<T> rows(String statement, JsonObject parameters, Class<T> type) {
                try {
                    return scope.query(statement, QueryOptions.queryOptions().parameters(parameters)
                            .scanConsistency(QueryScanConsistency.REQUEST_PLUS).adhoc(false).timeout(timeout))
                            .rowsAs(type);
                } catch (CouchbaseException e) {
                    throw failures.translate(e);
                }
            }

            @Override
            public <T> CompletableFuture<List<T>> listing(String statement, JsonObject parameters, Class<T> type) {
                QueryOptions options = QueryOptions.queryOptions().parameters(parameters).adhoc(false).timeout(timeout);
                consistency.apply(options);
                return Futures.attempt(() -> scope.async().query(statement, options)).handle((result, error) -> {
                    if (error != null) {
                        throw failures.translate(error);
                    }
                    return result.rowsAs(type);
                });
            }

            @Override
            public List<JsonObject> catalog(String statement, JsonObject parameters) {
                try {
                    return scope.query(statement, QueryOptions.queryOptions().parameters(parameters).timeout(timeout))
                            .rowsAsObject();
                } catch (CouchbaseException e) {
                    throw failures.translate(e);
                }
            }

            @Override
            public void execute(String statement) {
                scope.query(statement, QueryOptions.queryOptions().timeout(ddlTimeout));
            }
        };
    }
}
