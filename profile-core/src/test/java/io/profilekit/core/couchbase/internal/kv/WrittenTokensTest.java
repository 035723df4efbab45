package io.profilekit.core.couchbase.internal.kv;

import static org.assertj.core.api.Assertions.assertThat;

import com.couchbase.client.java.json.JsonObject;
import com.couchbase.client.java.kv.MutationResult;
import com.couchbase.client.java.query.QueryOptions;
import io.profilekit.core.couchbase.ListingConsistency;
import io.profilekit.core.couchbase.MockCouchbase;
import org.junit.jupiter.api.Test;

/** What a listing asks the query service to wait for, from real mutation results on the mock. */
class WrittenTokensTest {

    @Test
    void atPlusBeforeAnyWriteWaitsForNothing() {
        WrittenTokens tokens = new WrittenTokens(ListingConsistency.AT_PLUS, "_default");

        assertThat(sent(tokens).getString("scan_consistency")).isEqualTo("not_bounded");
    }

    @Test
    void atPlusWaitsForThisInstancesWritesToTheProfiles() {
        WrittenTokens tokens = new WrittenTokens(ListingConsistency.AT_PLUS, "_default");
        MutationResult written = MockCouchbase.collection().upsert("user_data:1", JsonObject.create());

        tokens.written("_default", written);

        JsonObject sent = sent(tokens);
        assertThat(sent.getString("scan_consistency")).isEqualTo("at_plus");
        assertThat(sent.getObject("scan_vectors").toString())
                .contains(Long.toString(written.mutationToken().orElseThrow().sequenceNumber()));
    }

    @Test
    void writesToOtherCollectionsAreNotWaitedFor() {
        WrittenTokens tokens = new WrittenTokens(ListingConsistency.AT_PLUS, "user_data");

        tokens.written("profile_lookups", MockCouchbase.collection().upsert("lookup::user_id::ada", JsonObject.create()));

        assertThat(sent(tokens).getString("scan_consistency")).isEqualTo("not_bounded");
    }

    @Test
    void requestPlusWaitsForEveryWrite() {
        WrittenTokens tokens = new WrittenTokens(ListingConsistency.REQUEST_PLUS, "_default");
        tokens.written("_default", MockCouchbase.collection().upsert("user_data:1", JsonObject.create()));

        assertThat(sent(tokens).getString("scan_consistency")).isEqualTo("request_plus");
    }

    private static JsonObject sent(WrittenTokens tokens) {
        QueryOptions options = QueryOptions.queryOptions();
        tokens.apply(options);
        JsonObject query = JsonObject.create();
        options.build().injectParams(query);
        return query;
    }
}
