package io.profilekit.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.Profile;
import io.profilekit.core.SearchField;
import io.profilekit.core.SearchQuery;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchableWordsTest {

    private static final SearchableWords ADA = SearchableWords.of(Profile.builder().userId("ada.l").name("Ada Lovelace")
            .nickname("countess").email("augusta@example.com").firstName("Augusta Ada").build());

    @Test
    void eachFieldKeepsItsOwnWords() {
        assertThat(ADA.words(SearchField.NAME)).containsExactly("ada", "lovelace");
        assertThat(ADA.words(SearchField.USERNAME)).containsExactly("ada", "l");
        assertThat(ADA.words(SearchField.EMAIL)).containsExactly("augusta", "example", "com");
        assertThat(ADA.words(SearchField.LAST_NAME)).isEmpty();
    }

    @Test
    void allWordsListsEachWordOnce() {
        assertThat(ADA.allWords()).containsExactly("ada", "lovelace", "augusta", "l", "countess", "example", "com");
    }

    @Test
    void packedWordsUnpackToTheSameWords() {
        SearchableWords again = SearchableWords.unpack(ADA.packed());

        assertThat(again.allWords()).isEqualTo(ADA.allWords());
        assertThat(again.words(SearchField.NICKNAME)).containsExactly("countess");
    }

    @Test
    void theWholeUsernameIsExact() {
        assertThat(ADA.tier(List.of("ada", "l"), SearchQuery.DEFAULT_FIELDS)).isEqualTo(SearchableWords.EXACT);
    }

    @Test
    void theWholeNicknameIsExact() {
        assertThat(ADA.tier(List.of("countess"), SearchQuery.DEFAULT_FIELDS)).isEqualTo(SearchableWords.EXACT);
    }

    @Test
    void wholeWordsInAnyFieldRankSecond() {
        assertThat(ADA.tier(List.of("lovelace", "augusta"), SearchQuery.DEFAULT_FIELDS))
                .isEqualTo(SearchableWords.WHOLE_WORDS);
    }

    @Test
    void oneWordThatOnlyStartsAWordMakesAPrefixMatch() {
        assertThat(ADA.tier(List.of("lovelace", "aug"), SearchQuery.DEFAULT_FIELDS))
                .isEqualTo(SearchableWords.PREFIXES);
    }

    @Test
    void aWordThatStartsNoWordIsNoMatch() {
        assertThat(ADA.tier(List.of("ada", "zed"), SearchQuery.DEFAULT_FIELDS)).isEqualTo(SearchableWords.NO_MATCH);
    }

    @Test
    void fieldsOutsideTheSearchDoNotMatch() {
        assertThat(ADA.tier(List.of("augusta"), Set.of(SearchField.NAME))).isEqualTo(SearchableWords.NO_MATCH);
        assertThat(ADA.tier(List.of("augusta"), Set.of(SearchField.FIRST_NAME)))
                .isEqualTo(SearchableWords.WHOLE_WORDS);
    }

    @Test
    void anExactUsernameOutsideTheSearchedFieldsIsNoExactMatch() {
        assertThat(ADA.tier(List.of("countess"), Set.of(SearchField.NAME, SearchField.NICKNAME)))
                .isEqualTo(SearchableWords.EXACT);
        assertThat(ADA.tier(List.of("ada", "l"), Set.of(SearchField.NAME))).isEqualTo(SearchableWords.PREFIXES);
    }
}
