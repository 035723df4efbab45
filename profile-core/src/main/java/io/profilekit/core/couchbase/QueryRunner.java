package io.profilekit.core.couchbase;

import com.couchbase.client.core.error.CouchbaseException;
import com.couchbase.client.java.Scope;
import com.couchbase.client.java.json.JsonObject;
import com.couchbase.client.java.query.QueryOptions;
import com.couchbase.client.java.query.QueryScanConsistency;
import java.time.Duration;
import java.util.List;

/**
 * Runs profilekit's SQL++ statements. Statements are constant text; every value from a
 * request travels as a named parameter, never inside the text.
 */
interface QueryRunner {

    /**
     * Runs a prepared statement ({@code adhoc(false)}) and reads each row as {@code type}. The
     * index is brought up to date with every write made before the statement (request_plus),
     * so maintenance never misses a profile, whoever wrote it.
     */
    <T> List<T> rows(String statement, JsonObject parameters, Class<T> type);

    /** {@link #rows}, with the listing's consistency ({@link ListingConsistency}). */
    <T> List<T> listing(String statement, JsonObject parameters, Class<T> type);

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
                return run(statement, QueryOptions.queryOptions().parameters(parameters)
                        .scanConsistency(QueryScanConsistency.REQUEST_PLUS), type);
            }

            @Override
            public <T> List<T> listing(String statement, JsonObject parameters, Class<T> type) {
                QueryOptions options = QueryOptions.queryOptions().parameters(parameters);
                consistency.apply(options);
                return run(statement, options, type);
            }

            private <T> List<T> run(String statement, QueryOptions options, Class<T> type) {
                try {
                    return scope.query(statement, options.adhoc(false).timeout(timeout)).rowsAs(type);
                } catch (CouchbaseException e) {
                    throw failures.translate(e);
                }
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
