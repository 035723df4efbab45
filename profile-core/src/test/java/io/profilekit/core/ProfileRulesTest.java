package io.profilekit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileRulesTest {

    private static Profile.Builder valid() {
        return Profile.builder().userId("lisasmith7294").email("lisa.smith@example.com")
                .dateOfBirth("03/14/1987").phone("(410) 555-2837").zipCode("06511").state("CT");
    }

    @Test
    void acceptsTheSeedsProfiles() {
        assertThatCode(() -> ProfileRules.checkWritable(valid().build())).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada", "o'brien", "jean-luc.picard", "ada@lovelace", "Émilie_du_Châtelet", "a+b"})
    void acceptsUsernamesPeopleUse(String username) {
        assertThatCode(() -> ProfileRules.checkWritable(valid().userId(username).build())).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "a/b", "<script>", "tab\tbed", "semi;colon"})
    void refusesUsernamesThatAreNoName(String username) {
        assertThatThrownBy(() -> ProfileRules.checkWritable(valid().userId(username).build()))
                .isInstanceOf(InvalidProfileException.class)
                .hasMessageContaining("user_id must be");
    }

    @Test
    void refusesAnOverlongUsername() {
        assertThatThrownBy(() -> ProfileRules.checkWritable(valid().userId("a".repeat(65)).build()))
                .hasMessageContaining("user_id must be 1 to 64");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plainaddress", "@example.com", "a@b", "a b@example.com", "a@@example.com"})
    void refusesWhatIsNoEmailAddress(String email) {
        assertThatThrownBy(() -> ProfileRules.checkWritable(valid().email(email).build()))
                .hasMessageContaining("email is not an e-mail address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1987-03-14", "02/30/1987", "13/01/1987", "3/14/1987", "tomorrow"})
    void refusesWhatIsNoDateOfBirth(String date) {
        assertThatThrownBy(() -> ProfileRules.checkWritable(valid().dateOfBirth(date).build()))
                .hasMessageContaining("date_of_birth must be a past date written MM/dd/yyyy");
    }

    @Test
    void refusesADateOfBirthInTheFuture() {
        String nextYear = String.format("01/01/%d", LocalDate.now().getYear() + 1);

        assertThatThrownBy(() -> ProfileRules.checkWritable(valid().dateOfBirth(nextYear).build()))
                .hasMessageContaining("date_of_birth");
    }

    @Test
    void namesEveryBrokenRuleAtOnce() {
        Profile broken = valid().email("nope").name("x".repeat(201)).city("Paris\u0000").build();

        assertThatThrownBy(() -> ProfileRules.checkWritable(broken))
                .hasMessage("email is not an e-mail address; name must be at most 200 characters; "
                        + "city must not contain control characters");
    }

    @Test
    void refusesALoneSurrogateInAField() {
        assertThatThrownBy(() -> ProfileRules.checkWritable(valid().name("Ada \ud800").build()))
                .isInstanceOf(InvalidProfileException.class).hasMessageContaining("name is not valid Unicode");
    }

    @Test
    void refusesALoneSurrogateNestedInAnAttribute() {
        Profile profile = valid().attribute("tags", List.of("ok", "\udc00")).build();

        assertThatThrownBy(() -> ProfileRules.checkWritable(profile))
                .isInstanceOf(InvalidProfileException.class).hasMessageContaining("attribute 'tags'");
    }

    @Test
    void acceptsAPairedSurrogate() {
        assertThatCode(() -> ProfileRules.checkWritable(valid().name("Ada \ud83d\ude00").build()))
                .doesNotThrowAnyException();
    }

    @Test
    void acceptsAnEmailAddressOf254CharactersAndRefusesOneMore() {
        String local = "a".repeat(64);
        String longest = local + "@" + "b".repeat(185) + ".com";

        assertThat(longest).hasSize(254);
        assertThatCode(() -> ProfileRules.checkWritable(valid().email(longest).build())).doesNotThrowAnyException();
        assertThatThrownBy(() -> ProfileRules.checkWritable(valid().email("c" + longest).build()))
                .hasMessage("email is not an e-mail address");
    }

    @Test
    void refusesALoneSurrogateInANestedAttributeMapNamingTheAttributePrintably() {
        Profile inKey = valid().attribute("prefs", Map.of("\ud800", "x")).build();
        Profile inValue = valid().attribute("prefs", Map.of("theme", "\udfff")).build();
        Profile inName = valid().attribute("x\ud800y", "fine").build();

        assertThatThrownBy(() -> ProfileRules.checkWritable(inKey))
                .hasMessage("attribute 'prefs' holds text that is not valid Unicode (a lone surrogate)");
        assertThatThrownBy(() -> ProfileRules.checkWritable(inValue))
                .hasMessage("attribute 'prefs' holds text that is not valid Unicode (a lone surrogate)");
        assertThatThrownBy(() -> ProfileRules.checkWritable(inName))
                .hasMessage("attribute 'x\ufffdy' holds text that is not valid Unicode (a lone surrogate)");
    }

    @Test
    void acceptsWellFormedNestedAttributes() {
        Profile nested = valid().attribute("prefs", Map.of("theme", List.of("dark", "\ud83d\ude00"))).build();

        assertThatCode(() -> ProfileRules.checkWritable(nested)).doesNotThrowAnyException();
    }
}
