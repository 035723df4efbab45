package io.profilekit.core.couchbase.internal.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.couchbase.client.core.error.CouchbaseException;
import com.couchbase.client.java.json.JsonObject;
import io.profilekit.core.StoreConfigurationException;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.couchbase.ClusterAnswers;
import io.profilekit.core.couchbase.CouchbaseKeyspace;
import io.profilekit.core.couchbase.internal.kv.Failures;
import io.profilekit.core.couchbase.internal.query.QueryRunner;
import io.profilekit.core.couchbase.internal.query.Statements;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * init's indexes against a scripted query service whose failures are the SDK's own exceptions
 * for a real cluster's answers: what is retried, what fails at once, and the wait for online.
 */
class IndexSetupTest {

    private static final List<String> NAMES = List.of("profilekit_by_record_id", "profilekit_by_email");

    private final List<String> executed = new ArrayList<>();
    private final Deque<CouchbaseException> executeFailures = new ArrayDeque<>();
    private final Deque<String> states = new ArrayDeque<>();
    private final List<String> progress = new ArrayList<>();
    private Duration timeout = Duration.ofSeconds(30);

    private final QueryRunner scripted = new QueryRunner() {
        @Override
        public <T> List<T> rows(String statement, JsonObject parameters, Class<T> type) {
            throw new AssertionError("index setup runs no prepared statement");
        }

        @Override
        public <T> java.util.concurrent.CompletableFuture<List<T>> listing(String statement, JsonObject parameters,
                Class<T> type) {
            throw new AssertionError("index setup lists nothing");
        }

        @Override
        public List<JsonObject> catalog(String statement, JsonObject parameters) {
            String state = states.size() > 1 ? states.poll() : states.peek();
            return NAMES.stream().map(name -> JsonObject.create().put("name", name).put("state", state)).toList();
        }

        @Override
        public void execute(String statement) {
            executed.add(statement);
            if (!executeFailures.isEmpty()) {
                throw executeFailures.poll();
            }
        }
    };

    @Test
    void createsEachIndexAndWaitsUntilTheCatalogSaysOnline() {
        states.addAll(List.of("pending", "building", "online"));

        setup().ensure(false, progress::add);

        assertThat(executed).hasSize(2).allSatisfy(ddl -> assertThat(ddl).startsWith("CREATE INDEX")
                .endsWith("WITH {\"defer_build\": false}"));
        assertThat(progress).last().isEqualTo("indexes profilekit_by_record_id, profilekit_by_email are online");
    }

    @Test
    void buildsTheIndexesAnOperatorsDefaultLeftDeferred() {
        states.addAll(List.of("deferred", "building", "online"));

        setup().ensure(false, progress::add);

        assertThat(executed).contains("BUILD INDEX ON `user_data`(`profilekit_by_record_id`, `profilekit_by_email`)");
    }

    @Test
    void retriesKeyspaceNotFoundWhileANewCollectionReachesTheQueryService() {
        executeFailures.add(keyspaceNotFound());
        states.add("online");

        setup().ensure(true, progress::add);

        assertThat(executed).filteredOn(ddl -> ddl.contains("profilekit_by_record_id")).hasSize(2);
    }

    @Test
    void keyspaceNotFoundOnACollectionInitDidNotCreateFailsAtOnce() {
        executeFailures.add(keyspaceNotFound());

        assertThatThrownBy(() -> setup().ensure(false, progress::add))
                .isInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("its index is missing or not built; run init");
        assertThat(executed).hasSize(1);
    }

    @Test
    void aMissingPrivilegeFailsAtOnceNamingIt() {
        executeFailures.add(ClusterAnswers.queryError(401, Failures.QUERY_PRIVILEGE_MISSING,
                "User does not have credentials to run index operations. Add role query_manage_index on "
                        + "default:sample_app.profiles.user_data to allow the statement to run."));

        assertThatThrownBy(() -> setup().ensure(true, progress::add))
                .hasMessageContaining("lacks a query privilege")
                .hasMessageContaining("query_manage_index");
        assertThat(executed).hasSize(1);
    }

    @Test
    void aCreationTheIndexerRetriesInTheBackgroundIsWaitedFor() {
        executeFailures.add(ClusterAnswers.queryError(500, 5000, "GSI CreateIndex() - cause: Encountered transient "
                + "error.  Index creation will be retried in background.  Error: Index profilekit_by_record_id "
                + "will retry building in the background for reason: Build Already In Progress."));
        states.addAll(List.of("scheduled for creation", "online"));

        setup().ensure(false, progress::add);

        assertThat(executed).filteredOn(ddl -> ddl.contains("profilekit_by_record_id")).hasSize(1);
    }

    @Test
    void givesUpAtTheDdlTimeoutSayingWhichIndexesAreNotOnline() {
        timeout = Duration.ofMillis(300);
        states.add("building");

        assertThatThrownBy(() -> setup().ensure(false, progress::add))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageStartingWith("the indexes [profilekit_by_record_id, profilekit_by_email] are not online");
    }

    private static CouchbaseException keyspaceNotFound() {
        return ClusterAnswers.queryError(500, 12003, "Keyspace not found in CB datastore: "
                + "default:sample_app.profiles.user_data");
    }

    private IndexSetup setup() {
        return new IndexSetup(scripted, new Statements(CouchbaseKeyspace.defaults()), new Failures("init-user"),
                new Waiting(timeout, Duration.ofMillis(10)));
    }
}
