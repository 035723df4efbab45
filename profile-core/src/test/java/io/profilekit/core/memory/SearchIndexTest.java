package io.profilekit.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.Profile;
import io.profilekit.core.SearchQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The index's two plans: ranking every candidate, and taking prefix matches in id order past the budget. */
class SearchIndexTest {

    private static Profile person(long id, String name) {
        return Profile.builder().recordId(id).userId("user" + id).name(name).build();
    }

    @Test
    void aCommonPrefixStillRanksWholeWordsBeforePrefixesInRecordIdOrder() {
        SearchIndex index = new SearchIndex();
        int count = SearchIndex.CANDIDATE_BUDGET + 5_000;
        for (long id = 1; id <= count; id++) {
            index.put(person(id, "Anna Smith" + id));
        }
        index.put(person(count + 1, "A Smith"));
        index.put(person(count + 2, "A"));

        assertThat(index.search(List.of("a"), SearchQuery.DEFAULT_FIELDS, 4))
                .containsExactly((long) count + 1, (long) count + 2, 1L, 2L);
    }

    @Test
    void aCommonPrefixCombinedWithARareOneReadsTheRareOne() {
        SearchIndex index = new SearchIndex();
        for (long id = 1; id <= SearchIndex.CANDIDATE_BUDGET + 10; id++) {
            index.put(person(id, id == 777 ? "Anna Zebedee" : "Anna Smith"));
        }

        assertThat(index.search(List.of("a", "zeb"), SearchQuery.DEFAULT_FIELDS, 10)).containsExactly(777L);
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
}
