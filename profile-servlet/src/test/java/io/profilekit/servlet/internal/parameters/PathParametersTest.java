package io.profilekit.servlet.internal.parameters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathParametersTest {

    @Test
    void readsTheOneSegmentOfThePathInfo() {
        assertThat(PathParameters.segment("/ada1815")).contains("ada1815");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/a/b", "//a", "/a/"})
    void findsNoSegmentWhenThereIsNotExactlyOne(String pathInfo) {
        assertThat(PathParameters.segment(pathInfo)).isEmpty();
    }

    @Test
    void findsNoSegmentWithoutPathInfo() {
        assertThat(PathParameters.segment(null)).isEmpty();
    }

    @Test
    void refusesSegmentsLongerThanAnythingStored() {
        assertThat(PathParameters.segment("/" + "a".repeat(PathParameters.MAX_SEGMENT_LENGTH))).isPresent();
        assertThat(PathParameters.segment("/" + "a".repeat(PathParameters.MAX_SEGMENT_LENGTH + 1))).isEmpty();
    }

    @Test
    void readsPositiveRecordIds() {
        assertThat(PathParameters.recordId("1")).hasValue(1);
        assertThat(PathParameters.recordId("007")).hasValue(7);
        assertThat(PathParameters.recordId("999999999999999999")).hasValue(999_999_999_999_999_999L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "-1", "+1", "1.0", "1e3", " 1", "１", "9999999999999999999", "abc"})
    void refusesAnythingElseAsARecordId(String segment) {
        assertThat(PathParameters.recordId(segment)).isEmpty();
    }

    @Test
    void readsASegmentOfOneCharacter() {
        assertThat(PathParameters.segment("/a")).contains("a");
    }

    @Test
    void digitsAreOneToMaxLengthAsciiDigitsAndNothingElse() {
        assertThat(PathParameters.isDigits("0", 1)).isTrue();
        assertThat(PathParameters.isDigits("1234", 4)).isTrue();
        assertThat(PathParameters.isDigits("12345", 4)).isFalse();
        assertThat(PathParameters.isDigits("", 4)).isFalse();
        assertThat(PathParameters.isDigits(null, 4)).isFalse();
        assertThat(PathParameters.isDigits("+12", 4)).isFalse();
        assertThat(PathParameters.isDigits("1 2", 4)).isFalse();
        assertThat(PathParameters.isDigits("١٢", 4)).as("Arabic-Indic digits").isFalse();
    }
}
