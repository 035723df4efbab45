package io.profilekit.core.couchbase;

import com.couchbase.client.core.error.CouchbaseException;
import com.couchbase.client.core.error.IndexNotFoundException;
import com.couchbase.client.core.error.ServiceNotAvailableException;
import com.couchbase.client.core.service.ServiceType;
import com.couchbase.client.java.Cluster;
import com.couchbase.client.java.Collection;
import com.couchbase.client.java.Scope;
import com.couchbase.client.java.json.JsonArray;
import com.couchbase.client.java.json.JsonObject;
import com.couchbase.client.java.query.QueryOptions;
import com.couchbase.client.java.search.SearchOptions;
import io.profilekit.core.ProfileException;
import io.profilekit.core.SearchQuery;
import io.profilekit.core.couchbase.DoctorCheck.Status;
import io.profilekit.core.couchbase.internal.connection.ClusterConnection;
import io.profilekit.core.couchbase.internal.connection.ClusterServices;
import io.profilekit.core.couchbase.internal.connection.ConnectionProblems;
import io.profilekit.core.couchbase.internal.connection.ConnectionStringCheck;
import io.profilekit.core.couchbase.internal.connection.KeyspaceCheck;
import io.profilekit.core.couchbase.internal.kv.Documents;
import io.profilekit.core.couchbase.internal.kv.Failures;
import io.profilekit.core.couchbase.internal.kv.Keys;
import io.profilekit.core.couchbase.internal.kv.RecordIdCounter;
import io.profilekit.core.couchbase.internal.kv.ServiceTokenStore;
import io.profilekit.core.couchbase.internal.kv.WrittenTokens;
import io.profilekit.core.couchbase.internal.query.QueryRunner;
import io.profilekit.core.couchbase.internal.query.Statements;
import io.profilekit.core.couchbase.internal.search.ProfileSearch;
import io.profilekit.core.couchbase.internal.search.SearchIndexDefinition;
import io.profilekit.core.internal.Futures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Checks a cluster the way {@code serve} will use it, one line per check, so that a new user
 * sees what is wrong with their cluster, credentials, keyspace or indexes before the first
 * request does: what {@code java -jar profile-server.jar doctor} prints. It writes only
 * throwaway documents, and removes them.
 */
public final class CouchbaseDoctor {

    private static final int LATENCY_SAMPLES = 100;

    private final CouchbaseSettings settings;
    private final Consumer<DoctorCheck> report;
    private final List<DoctorCheck> checks = new ArrayList<>();

    private CouchbaseDoctor(CouchbaseSettings settings, Consumer<DoctorCheck> report) {
        this.settings = settings;
        this.report = report;
    }

    /**
     * Runs every check in order, telling {@code report} each as it ends.
     *
     * @return every check; the cluster serves profilekit when none {@link Status#FAIL}ed
     */
    public static List<DoctorCheck> examine(CouchbaseSettings settings, Consumer<DoctorCheck> report) {
        CouchbaseDoctor doctor = new CouchbaseDoctor(settings, report);
        doctor.run();
        return List.copyOf(doctor.checks);
    }

    private void run() {
        ConnectionStringCheck.examine(settings).forEach(this::tell);
        Cluster cluster;
        try {
            cluster = ClusterConnection.open(settings, false);
            tell(new DoctorCheck("connect", Status.OK, "user '" + settings.username() + "' opened bucket '"
                    + settings.keyspace().bucket() + "'"));
        } catch (ProfileException | IllegalArgumentException e) {
            tell(new DoctorCheck("connect", Status.FAIL, e.getMessage()));
            tell(new DoctorCheck("everything else", Status.SKIP, "needs a connection"));
            return;
        }
        try {
            new ClusterChecks(cluster).run();
        } finally {
            cluster.disconnect();
        }
    }

    private void tell(DoctorCheck check) {
        checks.add(check);
        report.accept(check);
    }

    /** The checks that need the connected cluster. */
    private final class ClusterChecks {
        private final Cluster cluster;
        private final CouchbaseKeyspace keyspace = settings.keyspace();
        private final Failures failures = new Failures(settings.username());
        private final WrittenTokens written = new WrittenTokens(settings.listingConsistency(), keyspace.profiles());
        private final Documents documents = new Documents(failures, settings.durability(), written);
        private final Statements statements = new Statements(keyspace);
        private final QueryRunner queries;
        private final Collection profiles;

        ClusterChecks(Cluster cluster) {
            this.cluster = cluster;
            var scope = cluster.bucket(keyspace.bucket()).scope(keyspace.scope());
            this.queries = QueryRunner.on(scope, settings.queryTimeout(), settings.ddlTimeout(), failures, written);
            this.profiles = scope.collection(keyspace.profiles());
        }

        void run() {
            boolean keyspaceOk = true;
            for (String name : keyspace.collections()) {
                keyspaceOk &= collection(name);
            }
            if (!keyspaceOk) {
                tell(new DoctorCheck("the rest", Status.SKIP, "needs every collection"));
                return;
            }
            serviceToken();
            boolean query = queryService();
            counter(query);
            indexes(query);
            searchIndex();
            tell(latency("key-value latency", () -> Futures.join(documents.get(profiles, KeyspaceCheck.PROBE_KEY))));
            if (query) {
                tell(latency("query latency", () -> queries.rows(statements.list,
                        JsonObject.create().put("after", 0).put("limit", 1), String.class)));
            } else {
                tell(new DoctorCheck("query latency", Status.SKIP, "no query service"));
            }
        }

        private boolean collection(String name) {
            String what = "collection " + keyspace.scope() + "." + name;
            try {
                new KeyspaceCheck(cluster, settings, new ConnectionProblems()).verify(name);
                Collection collection = cluster.bucket(keyspace.bucket()).scope(keyspace.scope()).collection(name);
                String key = "profilekit::doctor::" + UUID.randomUUID();
                byte[] json = "{\"doctor\":true}".getBytes(StandardCharsets.UTF_8);
                long cas = Futures.join(documents.insert(collection, key, json));
                boolean same = Futures.join(documents.get(collection, key))
                        .map(found -> Arrays.equals(found.contentAs(byte[].class), json)).orElse(false);
                Futures.join(documents.remove(collection, key, cas));
                tell(same ? new DoctorCheck(what, Status.OK, "wrote, read back and removed a throwaway document")
                        : new DoctorCheck(what, Status.FAIL, "a document written could not be read back"));
                return same;
            } catch (ProfileException e) {
                tell(new DoctorCheck(what, Status.FAIL, e.getMessage()));
                return false;
            }
        }

        private void serviceToken() {
            try {
                tell(Futures.join(new ServiceTokenStore(cluster.bucket(keyspace.bucket()).scope(keyspace.scope())
                        .collection(keyspace.auth()), documents).token()).isPresent()
                        ? new DoctorCheck("service token", Status.OK, Keys.SERVICE_AUTH + " holds a token")
                        : new DoctorCheck("service token", Status.SKIP, "no " + Keys.SERVICE_AUTH
                                + ": serving needs API tokens in the settings, or a generate run"));
            } catch (ProfileException e) {
                tell(new DoctorCheck("service token", Status.FAIL, e.getMessage()));
            }
        }

        /** Whether a working query service answers. */
        private boolean queryService() {
            try {
                cluster.query("SELECT RAW 1", QueryOptions.queryOptions().timeout(settings.queryTimeout()));
                tell(new DoctorCheck("query service", Status.OK, "answered"));
                return true;
            } catch (ServiceNotAvailableException e) {
                tell(new DoctorCheck("query service", Status.SKIP, "the cluster has no query service:"
                        + " listing all profiles and by e-mail will answer 501"));
            } catch (CouchbaseException e) {
                if (Failures.queryErrorCode(e).filter(code -> code == 12003).isPresent()) {
                    tell(new DoctorCheck("query service", Status.SKIP, "no working query service (it cannot"
                            + " run a statement without a keyspace, as CouchbaseMock cannot): listing all profiles and by"
                            + " e-mail will answer 501"));
                } else {
                    tell(new DoctorCheck("query service", Status.FAIL, failures.translate(e).getMessage()));
                }
            }
            return false;
        }

        private void counter(boolean query) {
            if (!query) {
                tell(new DoctorCheck("record id counter", Status.SKIP, "comparing it with the profiles needs SQL++"));
                return;
            }
            try {
                List<Long> highest = queries.rows(statements.highestRecordId, JsonObject.create(), Long.class);
                long top = highest.isEmpty() || highest.get(0) == null ? 0 : highest.get(0);
                long counter = Futures.join(new RecordIdCounter(profiles, documents).current()).orElse(0L);
                tell(counter >= top
                        ? new DoctorCheck("record id counter", Status.OK, "at " + counter + ", highest record id " + top)
                        : new DoctorCheck("record id counter", Status.FAIL, "at " + counter + ", below the highest record id "
                                + top + ": new profiles would collide; run init"));
            } catch (ProfileException e) {
                tell(new DoctorCheck("record id counter", Status.FAIL, e.getMessage()));
            }
        }

        private void indexes(boolean query) {
            for (String name : statements.indexes.keySet()) {
                if (!query) {
                    tell(new DoctorCheck("index " + name, Status.SKIP, "no query service"));
                    continue;
                }
                try {
                    String state = queries.catalog(statements.indexStates,
                            JsonObject.create().put("names", JsonArray.from(name))).stream()
                            .map(row -> row.getString("state")).findFirst().orElse("missing");
                    tell("online".equals(state) ? new DoctorCheck("index " + name, Status.OK, "online")
                            : new DoctorCheck("index " + name, Status.FAIL, state + ": run init"));
                } catch (ProfileException e) {
                    tell(new DoctorCheck("index " + name, Status.FAIL, e.getMessage()));
                }
            }
        }

        /** Whether profilekit's Search index exists and answers a search. */
        private void searchIndex() {
            String what = "search index " + SearchIndexDefinition.NAME;
            if (!ClusterServices.runs(cluster, keyspace.bucket(), ServiceType.SEARCH)) {
                tell(new DoctorCheck(what, Status.SKIP, "the cluster has no Search service: search will answer 501"));
                return;
            }
            Scope scope = cluster.bucket(keyspace.bucket()).scope(keyspace.scope());
            try {
                scope.searchIndexes().getIndex(SearchIndexDefinition.NAME);
                long indexed = scope.searchIndexes().getIndexedDocumentsCount(SearchIndexDefinition.NAME);
                scope.search(SearchIndexDefinition.NAME, ProfileSearch.request(SearchQuery.of("a")),
                        SearchOptions.searchOptions().limit(1).timeout(settings.queryTimeout()));
                tell(new DoctorCheck(what, Status.OK, "answers; " + indexed + " documents indexed"));
            } catch (IndexNotFoundException e) {
                tell(new DoctorCheck(what, Status.FAIL, "missing: run init"));
            } catch (CouchbaseException e) {
                tell(new DoctorCheck(what, Status.FAIL, failures.translate(e).getMessage()));
            }
        }

        private DoctorCheck latency(String name, Runnable operation) {
            long[] nanos = new long[LATENCY_SAMPLES];
            try {
                for (int i = 0; i < nanos.length; i++) {
                    long started = System.nanoTime();
                    operation.run();
                    nanos[i] = System.nanoTime() - started;
                }
            } catch (ProfileException e) {
                return new DoctorCheck(name, Status.FAIL, e.getMessage());
            }
            Arrays.sort(nanos);
            return new DoctorCheck(name, Status.OK, String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms over %d operations",
                    nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 99 / 100] / 1e6, nanos.length));
        }
    }
}
