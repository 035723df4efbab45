package io.profilekit.servlet.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.Version;
import org.junit.jupiter.api.Test;

class EntityTagsTest {

    private static final Version V = new Version(0x1a2b);

    @Test
    void writesAStrongTag() {
        assertThat(EntityTags.of(V)).isEqualTo("\"1a2b\"");
    }

    @Test
    void ifMatchAbsentAsksForNothing() {
        assertThat(EntityTags.ifMatch(null).present()).isFalse();
        assertThat(EntityTags.ifMatch(" ").present()).isFalse();
    }

    @Test
    void ifMatchStarMatchesAnyVersion() {
        assertThat(EntityTags.ifMatch("*").matches(V)).isTrue();
    }

    @Test
    void ifMatchComparesStrongly() {
        assertThat(EntityTags.ifMatch("\"1a2b\"").matches(V)).isTrue();
        assertThat(EntityTags.ifMatch("\"ffff\", \"1a2b\"").matches(V)).isTrue();
        assertThat(EntityTags.ifMatch("W/\"1a2b\"").matches(V)).isFalse();
        assertThat(EntityTags.ifMatch("\"ffff\"").matches(V)).isFalse();
    }

    @Test
    void ifMatchComparesOctetByOctetSoAnotherCaseOrLeadingZerosDoNotMatch() {
        assertThat(EntityTags.ifMatch("\"1A2B\"").matches(V)).isFalse();
        assertThat(EntityTags.ifMatch("\"01a2b\"").matches(V)).isFalse();
    }

    @Test
    void ifMatchOfForeignTagsIsPresentAndMatchesNothing() {
        EntityTags.Condition condition = EntityTags.ifMatch("\"not-ours\", garbage");

        assertThat(condition.present()).isTrue();
        assertThat(condition.matches(V)).isFalse();
    }

    @Test
    void ifNoneMatchComparesWeakly() {
        assertThat(EntityTags.noneMatchMatches("\"1a2b\"", V)).isTrue();
        assertThat(EntityTags.noneMatchMatches("W/\"1a2b\"", V)).isTrue();
        assertThat(EntityTags.noneMatchMatches("\"x\", W/\"1a2b\"", V)).isTrue();
        assertThat(EntityTags.noneMatchMatches("*", V)).isTrue();
        assertThat(EntityTags.noneMatchMatches("\"1a2c\"", V)).isFalse();
        assertThat(EntityTags.noneMatchMatches(null, V)).isFalse();
    }

    @Test
    void writesATagOfOneRepresentation() {
        assertThat(EntityTags.of(V, 1767225600L)).isEqualTo("\"1a2b-1767225600\"");
    }

    @Test
    void ifMatchTakesARepresentationTagForItsVersion() {
        assertThat(EntityTags.ifMatch("\"1a2b-1767225600\"").matches(V)).isTrue();
        assertThat(EntityTags.ifMatch("\"1a2c-1767225600\"").matches(V)).isFalse();
    }

    @Test
    void ifMatchTakesNoVariantTagNorASuffixThatIsNotDigits() {
        assertThat(EntityTags.ifMatch("\"1a2b-s64-automatic\"").matches(V)).isFalse();
        assertThat(EntityTags.ifMatch("\"1a2b-\"").matches(V)).isFalse();
        assertThat(EntityTags.ifMatch("\"1a2b-12x\"").matches(V)).isFalse();
    }
}
