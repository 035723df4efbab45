package io.profilekit.core.couchbase.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.couchbase.client.java.search.SearchOptions;
import com.couchbase.client.core.api.search.CoreSearchScanConsistency;
import com.fasterxml.jackson.databind.JsonNode;
import io.profilekit.core.SearchField;
import io.profilekit.core.SearchQuery;
import io.profilekit.core.couchbase.ListingConsistency;
import io.profilekit.core.couchbase.internal.kv.WrittenTokens;
import io.profilekit.core.internal.Json;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Pins what the SDK is asked to send the Search service. */
class ProfileSearchTest {

    private static JsonNode exported(SearchQuery query) throws Exception {
        return Json.MAPPER.readTree(ProfileSearch.query(query).export().toString());
    }

    @Test
    void everyWordMustStartAWordOfOneOfTheFieldsAndWholeWordsScoreHigher() throws Exception {
        JsonNode query = exported(SearchQuery.of("Lol Ärm").withFields(Set.of(SearchField.NAME, SearchField.EMAIL)));

        assertThat(query).isEqualTo(Json.MAPPER.readTree("""
                {"conjuncts":[
                  {"disjuncts":[
                    {"term":"lol","field":"name","boost":3.0},{"prefix":"lol","field":"name"},
                    {"term":"lol","field":"email","boost":3.0},{"prefix":"lol","field":"email"}]},
                  {"disjuncts":[
                    {"term":"arm","field":"name","boost":3.0},{"prefix":"arm","field":"name"},
                    {"term":"arm","field":"email","boost":3.0},{"prefix":"arm","field":"email"}]}]}
                """));
    }

    @Test
    void itAsksForFourCandidatesPerResultAndAtLeastForty() {
        WrittenTokens none = new WrittenTokens(ListingConsistency.NOT_BOUNDED, "user_data");

        SearchOptions.Built few = ProfileSearch.options(SearchQuery.of("ada"), none, Duration.ofSeconds(3)).build();
        SearchOptions.Built many = ProfileSearch.options(SearchQuery.of("ada").withLimit(50), none,
                Duration.ofSeconds(3)).build();

        assertThat(few.limit()).isEqualTo(40);
        assertThat(many.limit()).isEqualTo(200);
        assertThat(few.timeout()).contains(Duration.ofSeconds(3));
    }

    @Test
    void beforeThisInstanceWritesASearchTakesWhatTheIndexHolds() {
        WrittenTokens atPlus = new WrittenTokens(ListingConsistency.AT_PLUS, "user_data");

        SearchOptions.Built built = ProfileSearch.options(SearchQuery.of("ada"), atPlus, Duration.ofSeconds(3)).build();

        assertThat(built.consistency()).isEqualTo(CoreSearchScanConsistency.NOT_BOUNDED);
        assertThat(built.consistentWith()).isNull();
    }
}
