package io.profilekit.servlet.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.InvalidProfileException;
import io.profilekit.core.MalformedProfileException;
import io.profilekit.core.PreconditionFailedException;
import io.profilekit.core.ProfileConflictException;
import io.profilekit.core.ProfileContendedException;
import io.profilekit.core.ProfileException;
import io.profilekit.core.ProfileNotFoundException;
import io.profilekit.core.ProfileTooLargeException;
import io.profilekit.core.ReadOnlyFieldException;
import io.profilekit.core.StoreConfigurationException;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.UnsupportedPictureException;
import io.profilekit.core.scim.ScimException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class ErrorAnswersTest {

    private static final Optional<Route> RESOURCE = Optional.of(Route.PROFILE);

    private static String text(Answer answer) {
        return new String(answer.body(), StandardCharsets.UTF_8);
    }

    @Test
    void eachRepositoryErrorHasItsStatusAndItsMessageAsDetail() {
        Map<ProfileException, Integer> statuses = Map.of(
                ProfileNotFoundException.noProfile(4), 404,
                ProfileConflictException.usernameTaken("ada"), 409,
                new PreconditionFailedException("changed"), 412,
                new MalformedProfileException("bad json"), 400,
                new UnsupportedPictureException("no image"), 415,
                new ProfileTooLargeException("too big", null), 413,
                new InvalidProfileException("bad field"), 422,
                new ReadOnlyFieldException("user_id"), 403);

        for (Map.Entry<ProfileException, Integer> entry : statuses.entrySet()) {
            Answer answer = ErrorAnswers.of(RESOURCE, "GET", entry.getKey());
            assertThat(answer.status()).as(entry.getKey().getMessage()).isEqualTo(entry.getValue());
            assertThat(answer.contentType()).isEqualTo("application/problem+json");
            assertThat(text(answer)).isEqualTo("{\"type\":\"about:blank\",\"title\":\""
                    + ErrorAnswers.reason(entry.getValue()) + "\",\"status\":" + entry.getValue()
                    + ",\"detail\":\"" + entry.getKey().getMessage() + "\"}");
        }
    }

    @Test
    void everyReasonHasAStatusAndOnlyTheTransientOnesAre503() {
        for (ProfileException.Reason reason : ProfileException.Reason.values()) {
            assertThat(ErrorAnswers.statusOf(reason)).as(reason.name()).isBetween(400, 599).isNotEqualTo(500);
            assertThat(ErrorAnswers.statusOf(reason) == 503).as(reason.name()).isEqualTo(reason.isTransient());
        }
    }

    @Test
    void anUnavailableStoreIs503WithItsRetryAfterAndWithoutTheStoresMessage() {
        Answer answer = ErrorAnswers.of(RESOURCE, "GET", new StoreUnavailableException(
                "user 'app' lacks Data Reader on user_data", null, Duration.ofMillis(1500)));

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isEqualTo("2");
        assertThat(text(answer)).contains("the profile store is unavailable; try again later")
                .doesNotContain("Data Reader", "user_data");
    }

    @Test
    void aContendedWriteIs503WithRetryAfterAndSaysWhichProfile() {
        Answer answer = ErrorAnswers.of(RESOURCE, "PUT", ProfileContendedException.changingTooOften(7));

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isEqualTo("1");
        assertThat(text(answer)).contains("profile 7 is changing too often; try again");
    }

    @Test
    void aMisconfiguredStoreIs502WithoutRetryAfterOrTheOperatorsDetail() {
        Answer answer = ErrorAnswers.of(RESOURCE, "GET", StoreConfigurationException.misconfigured(
                "user 'app' may not read documents in user_data: grant it the Data Reader role", null));

        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.header("Retry-After")).isNull();
        assertThat(text(answer)).contains("its operator has been told").doesNotContain("Data Reader", "user_data");
    }

    @Test
    void aStoreWithoutTheServiceIs501SayingWhichService() {
        Answer answer = ErrorAnswers.of(RESOURCE, "GET", StoreConfigurationException.lacksService(
                "listing needs the query service", null));

        assertThat(answer.status()).isEqualTo(501);
        assertThat(text(answer)).contains("listing needs the query service");
    }

    @Test
    void aProblemKeepsItsStatusDetailAndHeadersUnwrapped() {
        Answer answer = ErrorAnswers.of(RESOURCE, "GET",
                new CompletionException(HttpProblem.methodNotAllowed("TRACE", "GET, HEAD")));

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.header("Allow")).isEqualTo("GET, HEAD");
        assertThat(text(answer)).contains("TRACE is not allowed here");
    }

    @Test
    void anUnforeseenFailureIs500WithNothingMore() {
        Answer answer = ErrorAnswers.of(RESOURCE, "GET", new IllegalStateException("index 7 of table broke"));

        assertThat(answer.status()).isEqualTo(500);
        assertThat(text(answer)).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500}");
    }

    @Test
    void aWorkerQueueThatIsFullIs503() {
        Answer answer = ErrorAnswers.of(RESOURCE, "GET", new RejectedExecutionException("queue full"));

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isEqualTo("1");
    }

    @Test
    void theSeedsRoutesAnswerInTheSeedsShapeWithOnlyTheReason() {
        Answer answer = ErrorAnswers.of(Optional.of(Route.PROFILE_BY_ID), "GET", ProfileNotFoundException.noProfile(7));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).isEqualTo("application/json");
        assertThat(text(answer)).isEqualTo("{\"status\":\"failure\",\"message\":{\"error\":\"Not Found\"}}");
    }

    @Test
    void aRequestThatMatchedNoRouteIsAnsweredAProblem() {
        assertThat(ErrorAnswers.of(Optional.empty(), 404, "no route").contentType())
                .isEqualTo("application/problem+json");
    }

    @Test
    void aProblemWithoutDetailLeavesTheMemberOut() {
        assertThat(new String(ErrorAnswers.problemJson(500, null), StandardCharsets.UTF_8))
                .isEqualTo("{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500}");
    }

    @Test
    void aStatusWithoutAKnownReasonIsCalledError() {
        assertThat(List.of(ErrorAnswers.reason(418), ErrorAnswers.reason(413)))
                .containsExactly("Error", "Content Too Large");
    }
    private static final Optional<Route> SCIM = Optional.of(Route.SCIM_USER);

    @Test
    void scimRoutesAnswerScimsErrorWithTheStatusAsAString() {
        Answer answer = ErrorAnswers.of(SCIM, "GET", ProfileNotFoundException.noProfile(4));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).isEqualTo("application/scim+json");
        assertThat(text(answer)).isEqualTo("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
                + "\"status\":\"404\",\"detail\":\"" + ProfileNotFoundException.noProfile(4).getMessage() + "\"}");
    }

    @Test
    void scimNamesTheScimTypeOfEachRepositoryError() {
        Map<ProfileException, String> types = Map.of(
                ProfileConflictException.usernameTaken("ada"), "\"status\":\"409\",\"scimType\":\"uniqueness\"",
                new InvalidProfileException("bad field"), "\"status\":\"400\",\"scimType\":\"invalidValue\"",
                new MalformedProfileException("bad json"), "\"status\":\"400\",\"scimType\":\"invalidSyntax\"",
                new ReadOnlyFieldException("user_id"), "\"status\":\"403\",\"scimType\":\"mutability\"",
                new ScimException(ScimException.Type.INVALID_FILTER, "x"),
                "\"status\":\"400\",\"scimType\":\"invalidFilter\"",
                new PreconditionFailedException("changed"), "\"status\":\"412\",\"detail\"");

        types.forEach((error, expected) -> assertThat(text(ErrorAnswers.of(SCIM, "PUT", error)))
                .as(error.getMessage()).contains(expected));
    }

    @Test
    void aScimProblemWithoutDetailIsDetailedByItsReason() {
        Answer answer = ErrorAnswers.of(SCIM, 405, null);

        assertThat(text(answer)).endsWith("\"status\":\"405\",\"detail\":\"Method Not Allowed\"}");
    }

    @Test
    void anUnavailableStoreOnScimKeepsItsRetryAfter() {
        Answer answer = ErrorAnswers.of(SCIM, "GET", new StoreUnavailableException("down"));

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isEqualTo("1");
        assertThat(text(answer)).doesNotContain("down");
    }
}
