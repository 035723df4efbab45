package io.profilekit.servlet.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.profilekit.core.ProfileQuery;
import io.profilekit.core.Version;
import io.profilekit.servlet.internal.parameters.ListingParameters;
import io.profilekit.servlet.internal.parameters.PathParameters;
import io.profilekit.servlet.internal.parameters.QueryString;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;

/**
 * Coverage-guided fuzzing of what the servlets read from a request line and its headers
 * (Jazzer): a listing's query string, a path segment, entity tags. Whatever the text, each
 * answers a value or a 400, never another exception, and what it answers holds its rules. The
 * build replays the committed inputs in {@code RequestParametersFuzzTestInputs/}: the text of
 * each, as UTF-8 (ISO-8859-1 for headers, as HTTP/1.1 carries them).
 */
class RequestParametersFuzzTest {

    private static final List<Version> VERSIONS = List.of(new Version(1), new Version(0x1a2b3c4d5e6fL),
            new Version(Long.MAX_VALUE), new Version(-1));

    @FuzzTest
    void readsAListingQueryThatItsNextPageLinkRepeatsOrAnswers400(byte[] input) {
        String raw = new String(input, StandardCharsets.UTF_8);
        ProfileQuery query;
        try {
            query = ListingParameters.parse(QueryString.parse(raw));
        } catch (HttpProblem problem) {
            assertThat(problem.status()).isEqualTo(400);
            return;
        }
        String next = ListingParameters.nextPage("/api/v1/profiles", query, 5);
        assertThat(ListingParameters.parse(QueryString.parse(next.substring(next.indexOf('?') + 1))))
                .isEqualTo(query.withAfter(5));
    }

    @FuzzTest
    void readsARecordIdOnlyFromOneToEighteenDigits(byte[] input) {
        String path = new String(input, StandardCharsets.UTF_8);
        PathParameters.segment(path).ifPresent(segment -> {
            assertThat(segment).isNotEmpty().doesNotContain("/");
            OptionalLong id = PathParameters.recordId(segment);
            if (id.isPresent()) {
                assertThat(segment).matches("[0-9]{1,18}");
                assertThat(id.getAsLong()).isPositive().isEqualTo(Long.parseLong(segment));
            }
        });
    }

    @FuzzTest
    void readsEntityTagsWithoutFailingAndMatchesOnlyTheVersionsTheyName(byte[] input) {
        String header = new String(input, StandardCharsets.ISO_8859_1);
        EntityTags.Condition condition = EntityTags.ifMatch(header);
        for (Version current : VERSIONS) {
            EntityTags.noneMatchMatches(header, current);
            if (condition.matches(current) && !condition.any()) {
                assertThat(header).contains(EntityTags.of(current));
            }
            assertThat(EntityTags.ifMatch(EntityTags.of(current)).matches(current)).isTrue();
            assertThat(EntityTags.noneMatchMatches("W/" + EntityTags.of(current), current)).isTrue();
        }
    }
}
