package io.profilekit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @Test
    void ofSearchesTheDefaultFieldsForTheDefaultLimit() {
        SearchQuery query = SearchQuery.of("Lol Arm");

        assertThat(query.limit()).isEqualTo(SearchQuery.DEFAULT_LIMIT);
        assertThat(query.fields()).containsExactlyInAnyOrder(SearchField.NAME, SearchField.USERNAME,
                SearchField.NICKNAME, SearchField.EMAIL);
        assertThat(query.words()).containsExactly("lol", "arm");
    }

    @Test
    void textWithoutLettersOrDigitsIsRefused() {
        assertThatThrownBy(() -> SearchQuery.of(" ?! ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the search text has no letter or digit to search for");
        assertThatThrownBy(() -> SearchQuery.of("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textOverTheMaximumLengthIsRefused() {
        assertThat(SearchQuery.of("a".repeat(SearchQuery.MAX_TEXT_LENGTH)).words()).hasSize(1);
        assertThatThrownBy(() -> SearchQuery.of("a".repeat(SearchQuery.MAX_TEXT_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than 100");
    }

    @Test
    void aLimitOutsideOneToFiftyIsRefused() {
        assertThat(SearchQuery.of("ada").withLimit(50).limit()).isEqualTo(50);
        assertThatThrownBy(() -> SearchQuery.of("ada").withLimit(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SearchQuery.of("ada").withLimit(51)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noFieldsIsRefused() {
        assertThatThrownBy(() -> SearchQuery.of("ada").withFields(Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void searchFieldsAreNamedAsProfilesJsonNamesThem() {
        assertThat(SearchField.USERNAME.jsonName()).isEqualTo("user_id");
        assertThat(SearchField.parse(List.of("name", " user_id", "email"))).containsExactlyInAnyOrder(
                SearchField.NAME, SearchField.USERNAME, SearchField.EMAIL);
    }

    @Test
    void aNameSearchCannotMatchIsRefusedWithTheOnesItCan() {
        assertThatThrownBy(() -> SearchField.parse(List.of("name", "phone")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'phone' is no field search can match; it matches name, first_name, last_name, user_id,"
                        + " nickname, email");
    }

    @Test
    void searchFieldsAreFoundByTheirJsonNames() {
        assertThat(SearchField.byJsonName("user_id")).contains(SearchField.USERNAME);
        assertThat(SearchField.byJsonName("phone")).isEmpty();
    }
}
