package io.profilekit.servlet.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.InvalidProfileException;
import io.profilekit.core.MalformedProfileException;
import io.profilekit.core.PreconditionFailedException;
import io.profilekit.core.ProfileConflictException;
import io.profilekit.core.ProfileException;
import io.profilekit.core.ProfileNotFoundException;
import io.profilekit.core.ProfileTooLargeException;
import io.profilekit.core.ReadOnlyFieldException;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.UnsupportedPictureException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorResponsesTest {

    private static FakeExchange answer(ProfileException error) throws IOException {
        FakeExchange exchange = new FakeExchange();
        ErrorResponses.write(exchange.request(), exchange.response(), error);
        return exchange;
    }

    @Test
    void eachRepositoryErrorHasItsStatusAndItsMessageAsDetail() throws IOException {
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
            FakeExchange exchange = answer(entry.getKey());
            assertThat(exchange.status).as(entry.getKey().getMessage()).isEqualTo(entry.getValue());
            assertThat(exchange.contentType).isEqualTo("application/problem+json");
            assertThat(exchange.responseText()).isEqualTo("{\"type\":\"about:blank\",\"title\":\""
                    + ErrorResponses.reason(entry.getValue()) + "\",\"status\":" + entry.getValue()
                    + ",\"detail\":\"" + entry.getKey().getMessage() + "\"}");
        }
    }

    private static FakeExchange refusal(long contentLength, String transferEncoding, boolean bodyRead)
            throws IOException {
        FakeExchange exchange = new FakeExchange();
        exchange.contentLength = contentLength;
        if (transferEncoding != null) {
            exchange.requestHeaders.put("Transfer-Encoding", transferEncoding);
        }
        exchange.body = new ByteArrayInputStream(new byte[(int) Math.max(0, contentLength)]);
        if (bodyRead) {
            new RequestBodies(1).read(exchange.request(), "the profile", 100);
        }
        ErrorResponses.write(exchange.request(), exchange.response(), 422, "no");
        return exchange;
    }

    @Test
    void anErrorToARequestWhoseBodyIsUnreadClosesTheConnection() throws IOException {
        assertThat(refusal(12, null, false).responseHeaders).containsEntry("Connection", "close");
        assertThat(refusal(1, null, false).responseHeaders).containsEntry("Connection", "close");
        assertThat(refusal(-1, "chunked", false).responseHeaders).containsEntry("Connection", "close");
    }

    @Test
    void anErrorToARequestWhoseBodyWasReadOrEmptyKeepsTheConnection() throws IOException {
        assertThat(refusal(12, null, true).responseHeaders).doesNotContainKey("Connection");
        assertThat(refusal(0, null, false).responseHeaders).doesNotContainKey("Connection");
        assertThat(refusal(-1, null, false).responseHeaders).doesNotContainKey("Connection");
    }

    @Test
    void anUnavailableStoreIs503WithRetryAfterAndWithoutTheStoresMessage() throws IOException {
        FakeExchange exchange = answer(new StoreUnavailableException("user 'app' lacks Data Reader on user_data"));

        assertThat(exchange.status).isEqualTo(503);
        assertThat(exchange.responseHeaders).containsEntry("Retry-After", "1");
        assertThat(exchange.responseText()).contains("the profile store is unavailable; try again later")
                .doesNotContain("Data Reader", "user_data");
    }

    @Test
    void everyReasonHasAStatusAndNoneIs500() {
        for (ProfileException.Reason reason : ProfileException.Reason.values()) {
            assertThat(ErrorResponses.statusOf(reason)).as(reason.name()).isBetween(400, 599).isNotEqualTo(500);
            assertThat(ErrorResponses.statusOf(reason) == 503).as(reason.name()).isEqualTo(reason.isTransient());
        }
    }

    @Test
    void aRetryAfterIsInWholeSecondsRoundedUpAndAtLeastOne() {
        assertThat(ErrorResponses.retryAfter(java.time.Duration.ZERO)).isEqualTo("1");
        assertThat(ErrorResponses.retryAfter(java.time.Duration.ofMillis(1001))).isEqualTo("2");
        assertThat(ErrorResponses.retryAfter(java.time.Duration.ofSeconds(3))).isEqualTo("3");
    }

    @Test
    void theSeedsRoutesAnswerInTheSeedsShapeWithOnlyTheReason() throws IOException {
        FakeExchange exchange = new FakeExchange();
        exchange.servletPath = "/api/v1/id";
        exchange.pathInfo = "/7";

        ErrorResponses.write(exchange.request(), exchange.response(), ProfileNotFoundException.noProfile(7));

        assertThat(exchange.status).isEqualTo(404);
        assertThat(exchange.contentType).isEqualTo("application/json");
        assertThat(exchange.responseText()).isEqualTo("{\"status\":\"failure\",\"message\":{\"error\":\"Not Found\"}}");
    }

    @Test
    void everyAnswerCarriesItsLengthAndTheSecurityHeaders() throws IOException {
        FakeExchange exchange = answer(ProfileNotFoundException.noProfile(4));

        assertThat(exchange.responseHeaders).containsEntry("Content-Length",
                String.valueOf(exchange.responseBody.size())).containsEntry("X-Content-Type-Options", "nosniff");
    }

    @Test
    void aProblemWithoutDetailLeavesTheMemberOut() {
        assertThat(new String(ErrorResponses.problemJson(500, null)))
                .isEqualTo("{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500}");
    }

    @Test
    void aStatusWithoutAKnownReasonIsCalledError() {
        assertThat(List.of(ErrorResponses.reason(418), ErrorResponses.reason(413)))
                .containsExactly("Error", "Content Too Large");
    }
}
