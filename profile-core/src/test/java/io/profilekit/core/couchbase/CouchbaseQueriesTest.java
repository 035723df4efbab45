package io.profilekit.core.couchbase;

import static org.assertj.core.api.Assertions.assertThat;

import com.couchbase.client.java.json.JsonObject;
import io.profilekit.core.Page;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileQuery;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.couchbase.internal.query.QueryRunner;
import io.profilekit.core.internal.Json;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every SQL++ statement the repository issues, recorded instead of run (CouchbaseMock has no
 * query service), with the KV side on the mock: statements are fixed text, request values
 * travel only as parameters, and reads never query.
 */
class CouchbaseQueriesTest {

    private static final String HOSTILE_EMAIL = "x@example.com\" OR 1=1 UNION SELECT * FROM `service_auth` --";
    private static final long AFTER = 424242;

    record Call(String statement, JsonObject parameters) {
    }

    private final List<Call> calls = new ArrayList<>();
    private final Deque<List<?>> answers = new ArrayDeque<>();
    private CouchbaseProfileStore store;
    private ProfileRepository repository;

    @BeforeEach
    void open() {
        MockCouchbase.flush();
        QueryRunner recording = new QueryRunner() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> List<T> rows(String statement, JsonObject parameters, Class<T> type) {
                calls.add(new Call(statement, parameters));
                return answers.isEmpty() ? List.of() : (List<T>) answers.poll();
            }

            @Override
            public <T> CompletableFuture<List<T>> listing(String statement, JsonObject parameters, Class<T> type) {
                return CompletableFuture.completedFuture(rows(statement, parameters, type));
            }

            @Override
            public List<JsonObject> catalog(String statement, JsonObject parameters) {
                calls.add(new Call(statement, parameters));
                return parameters.getArray("names").toList().stream()
                        .map(name -> JsonObject.create().put("name", name).put("state", "online")).toList();
            }

            @Override
            public void execute(String statement) {
                calls.add(new Call(statement, null));
            }
        };
        CouchbaseSettings settings = CouchbaseSettings.builder(MockCouchbase.connectionString())
                .keyspace(MockCouchbase.KEYSPACE).listingConsistency(ListingConsistency.REQUEST_PLUS).build();
        store = new CouchbaseProfileStore(null, MockCouchbase.cluster(), settings, recording);
        repository = ProfileRepository.of(store);
    }

    @Test
    void requestValuesTravelAsParametersNeverInTheStatementText() {
        repository.list(ProfileQuery.first(37).withEmail(HOSTILE_EMAIL).withAfter(AFTER));
        repository.list(ProfileQuery.first(37).withAfter(AFTER));

        assertThat(calls).hasSize(2).allSatisfy(call -> {
            assertThat(call.statement()).doesNotContain(HOSTILE_EMAIL, "x@example.com", Long.toString(AFTER), "37", "38")
                    .contains("$after", "$limit");
            assertThat(call.parameters().getLong("after")).isEqualTo(AFTER);
            assertThat(call.parameters().getInt("limit")).isEqualTo(38);
        });
        assertThat(calls.get(0).statement()).contains("$email");
        assertThat(calls.get(0).parameters().getString("email")).isEqualTo(HOSTILE_EMAIL);
    }

    @Test
    void maintenanceStatementsAreFixedTextToo() {
        MockCouchbase.putRaw("user_data:424242", "{\"record_id\": 424242, \"user_id\": \"mallory\", \"email\": "
                + Json.MAPPER.valueToTree(HOSTILE_EMAIL) + ", \"nickname\": " + Json.MAPPER.valueToTree(HOSTILE_EMAIL) + "}");
        answers.add(List.of(424242L));
        answers.add(List.of("user_data:424242"));
        answers.add(List.of());
        store.init();
        store.reindex(0, 4, done -> { });

        assertThat(repository.findByNickname(HOSTILE_EMAIL, 10)).extracting(StoredProfile::recordId)
                .as("reindex read the hostile profile").containsExactly(424242L);
        assertThat(calls).isNotEmpty().allSatisfy(call -> assertThat(call.statement())
                .doesNotContain(HOSTILE_EMAIL, "mallory").doesNotContainPattern("\\d{2,}"));
        assertThat(calls).filteredOn(call -> call.parameters() == null)
                .extracting(Call::statement)
                .allSatisfy(ddl -> assertThat(ddl).startsWith("CREATE INDEX").contains("IF NOT EXISTS", "WITH {\"defer_build\": false}"));
    }

    @Test
    void readsAndWritesNeverQuery() {
        Profile ada = Profile.builder().userId("ada").nickname("alovelace").build();
        StoredProfile stored = repository.create(ada);
        repository.findById(stored.recordId());
        repository.findByUsername("ada");
        repository.findByNickname("alovelace", 10);
        repository.list(ProfileQuery.first(10).withNickname("alovelace"));
        repository.list(ProfileQuery.first(10).withUsername("ada"));
        repository.replace(stored.profile().toBuilder().city("Paris").build(), stored.version());
        repository.delete(stored.recordId());

        assertThat(calls).isEmpty();
    }

    @Test
    void listingSelectsOnlyProfileKeysInRecordIdOrder() {
        repository.list(ProfileQuery.first(10));

        assertThat(calls.get(0).statement())
                .isEqualTo("SELECT RAW META(p).id FROM `_default` AS p WHERE META(p).id LIKE \"user_data:%\""
                        + " AND p.record_id > $after ORDER BY p.record_id LIMIT $limit");
    }

    @Test
    void aListingPageIsReadByKeyAndItsCursorIsItsLastQueriedId() {
        for (long id = 1; id <= 3; id++) {
            MockCouchbase.putRaw("user_data:" + id, "{\"record_id\": " + id + ", \"user_id\": \"u" + id + "\"}");
        }
        answers.add(List.of("user_data:1", "user_data:2", "user_data:3"));

        Page<StoredProfile> page = repository.list(ProfileQuery.first(2));

        assertThat(page.items()).extracting(StoredProfile::recordId).containsExactly(1L, 2L);
        assertThat(page.next()).hasValue(2);
    }

    @Test
    void initMovesTheCounterAboveTheHighestRecordId() {
        answers.add(List.of(500L));

        store.init();

        assertThat(repository.create(Profile.builder().userId("ada").build()).recordId()).isEqualTo(501);
    }

    @Test
    void reindexWritesTheLookupsOfProfilesOtherToolsStored() {
        MockCouchbase.putRaw("user_data:1", "{\"record_id\": 1, \"user_id\": \"ada\", \"nickname\": \"alovelace\"}");
        MockCouchbase.putRaw("user_data:2", "{\"record_id\": 2, \"user_id\": \"grace\", \"nickname\": \"ghopper\"}");
        MockCouchbase.putRaw("user_data:3", "{\"record_id\": 3, \"user_id\": \"ada\", \"nickname\": \"alovelace\"}");
        answers.add(List.of("user_data:1", "user_data:2", "user_data:3"));
        answers.add(List.of());

        ReindexReport report = store.reindex(0, 4, done -> { });

        assertThat(report.profiles()).isEqualTo(3);
        assertThat(report.duplicateUsernames()).containsExactly("ada");
        assertThat(repository.findByUsername("grace")).get().extracting(StoredProfile::recordId).isEqualTo(2L);
        assertThat(repository.findByNickname("alovelace", 10)).extracting(StoredProfile::recordId)
                .containsExactly(1L, 3L);
        assertThat(repository.create(Profile.builder().userId("new").build()).recordId()).isEqualTo(4);
        assertThat(calls.get(1).parameters().getLong("after")).isEqualTo(3);
    }
}
