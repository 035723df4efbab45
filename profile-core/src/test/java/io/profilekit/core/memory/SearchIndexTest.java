package io.profilekit.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.Profile;
import io.profilekit.core.SearchQuery;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The index's plans: ranking a small range whole, reading a dense one in record id order, and falling back. */
class SearchIndexTest {

    private static Profile person(long id, String name) {
        return Profile.builder().recordId(id).userId("user" + id).name(name).build();
    }

    @Test
    void aCommonPrefixStillRanksWholeWordsBeforePrefixesInRecordIdOrder() {
        SearchIndex index = new SearchIndex();
        for (long id = 1; id <= 5_000; id++) {
            index.put(person(id, "Anna Smith" + id));
        }
        index.put(person(5_001, "A Smith"));
        index.put(person(5_002, "A"));

        assertThat(index.search(List.of("a"), SearchQuery.DEFAULT_FIELDS, 4)).containsExactly(5_001L, 5_002L, 1L, 2L);
    }

    @Test
    void aCommonPrefixCombinedWithARareOneReadsTheRareOne() {
        SearchIndex index = new SearchIndex();
        for (long id = 1; id <= 5_000; id++) {
            index.put(person(id, id == 777 ? "Anna Zebedee" : "Anna Smith"));
        }

        assertThat(index.search(List.of("a", "zeb"), SearchQuery.DEFAULT_FIELDS, 10)).containsExactly(777L);
    }

    @Test
    void wordsCommonAloneButRareTogetherAreFoundPastTheScanBudget() {
        SearchIndex index = new SearchIndex(100);
        for (long id = 1; id <= 5_000; id++) {
            index.put(person(id, id % 2 == 0 ? "Anna Smith" : "Bob Zed"));
        }
        index.put(person(4_000_000, "Anna Zed"));

        assertThat(index.search(List.of("ann", "ze"), SearchQuery.DEFAULT_FIELDS, 10)).containsExactly(4_000_000L);
    }

    @Test
    void replacingAProfileForgetsItsOldWords() {
        SearchIndex index = new SearchIndex();
        index.put(person(1, "Ada Lovelace"));

        index.put(person(1, "Augusta King"));

        assertThat(index.search(List.of("lovelace"), SearchQuery.DEFAULT_FIELDS, 10)).isEmpty();
        assertThat(index.search(List.of("king"), SearchQuery.DEFAULT_FIELDS, 10)).containsExactly(1L);
    }

    @Test
    void aRemovedProfileLeavesNoWordBehind() {
        SearchIndex index = new SearchIndex();
        index.put(person(1, "Ada Lovelace"));

        index.remove(1);

        assertThat(index.search(List.of("ada"), SearchQuery.DEFAULT_FIELDS, 10)).isEmpty();
        assertThat(index.search(List.of("user"), SearchQuery.DEFAULT_FIELDS, 10)).isEmpty();
    }

    @Test
    void shortAndLongPrefixesOfTheSameWordsFindTheSameProfiles() {
        SearchIndex index = new SearchIndex();
        for (long id = 1; id <= 300; id++) {
            index.put(person(id, id % 3 == 0 ? "Marianne Moe" : "Mario Rossi"));
        }
        for (long id = 1; id <= 300; id += 2) {
            index.remove(id);
        }

        List<Long> byFour = index.search(List.of("mari"), SearchQuery.DEFAULT_FIELDS, 50);
        List<Long> bySix = index.search(List.of("marian"), SearchQuery.DEFAULT_FIELDS, 50);

        assertThat(byFour).hasSize(50).allMatch(id -> id % 2 == 0);
        assertThat(bySix).allMatch(id -> id % 6 == 0).hasSize(50);
    }

    @Test
    void rangeSizesFollowTheWordsAsProfilesComeChangeAndGo() {
        SearchIndex index = new SearchIndex();
        index.put(person(1, "Mario Rossi"));
        index.put(person(2, "Marianne Moe"));
        index.put(person(3, "Mario Bianchi"));

        assertThat(index.rangeSize("mari", Long.MAX_VALUE)).isEqualTo(3);
        assertThat(index.rangeSize("mario", Long.MAX_VALUE)).isEqualTo(2);

        index.put(person(1, "Luigi Rossi"));
        index.remove(2);

        assertThat(index.rangeSize("m", Long.MAX_VALUE)).isEqualTo(1);
        assertThat(index.rangeSize("mari", Long.MAX_VALUE)).isEqualTo(1);
        assertThat(index.rangeSize("luig", Long.MAX_VALUE)).isEqualTo(1);
        assertThat(index.rangeSize("rossi", Long.MAX_VALUE)).isEqualTo(1);
    }

    @Test
    void aClearedIndexFindsNothingAndIndexesAgain() {
        SearchIndex index = new SearchIndex();
        index.put(person(1, "Ada Lovelace"));

        index.clear();

        assertThat(index.search(List.of("ada"), SearchQuery.DEFAULT_FIELDS, 10)).isEmpty();
        assertThat(index.rangeSize("a", Long.MAX_VALUE)).isZero();
        index.put(person(1, "Grace Hopper"));
        assertThat(index.search(List.of("grace"), SearchQuery.DEFAULT_FIELDS, 10)).containsExactly(1L);
    }

    @Test
    void prefixMatchesUnderSeveralWordsComeInRecordIdOrder() {
        SearchIndex index = new SearchIndex();
        index.put(person(5, "Maab"));
        index.put(person(6, "Maac"));
        index.put(person(1, "Mabel"));
        index.put(person(2, "Mabon"));

        assertThat(index.search(List.of("ma"), SearchQuery.DEFAULT_FIELDS, 2)).containsExactly(1L, 2L);
    }

    @Test
    void aSearchElsewhereProceedsAfterWrites() throws Exception {
        SearchIndex index = new SearchIndex();
        index.put(person(1, "Ada Lovelace"));
        index.put(person(2, "Ada Byron"));
        index.remove(2);
        index.clear();
        index.put(person(3, "Ada King"));

        CompletableFuture<List<Long>> elsewhere = CompletableFuture.supplyAsync(
                () -> index.search(List.of("ada"), SearchQuery.DEFAULT_FIELDS, 10));

        assertThat(elsewhere.get(30, TimeUnit.SECONDS)).containsExactly(3L);
    }
}
