package io.profilekit.servlet.internal;

import static io.profilekit.servlet.internal.RunningServer.TOKEN;
import static io.profilekit.servlet.internal.RunningServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.Profile;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.servlet.auth.Authenticator;
import io.profilekit.servlet.auth.IdentityProviderUnavailableException;
import io.profilekit.servlet.auth.InvalidTokenException;
import io.profilekit.servlet.auth.Service;
import java.net.http.HttpResponse;
import java.security.Principal;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthenticationTest {

    private static final String UNAUTHORIZED =
            "{\"status\":\"failure\",\"message\":{\"error\":\"Unauthorized\"}}";

    private static RunningServer http;

    @BeforeAll
    static void start() throws Exception {
        ProfileRepository repository = ProfileRepository.of(new InMemoryProfileStore());
        repository.create(Profile.builder().recordId(1L).userId("ada").build());
        http = RunningServer.start(repository);
    }

    @AfterAll
    static void stop() throws Exception {
        http.close();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "Authorization|Bearer " + TOKEN,
        "Authorization|bearer " + TOKEN,
        "Authorization|" + TOKEN,
        "x-access-token|" + TOKEN,
        "X-Access-Token|Bearer " + TOKEN,
    })
    void acceptsEveryFormTheSeedsClientsSend(String header, String value) throws Exception {
        HttpResponse<byte[]> response = http.send("GET", "/api/v1/id/1", header, value);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void refusesARequestWithoutToken() throws Exception {
        HttpResponse<byte[]> response = http.send("GET", "/api/v1/id/1");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"profilekit\"");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(text(response)).isEqualTo(UNAUTHORIZED);
    }

    @ParameterizedTest(name = "{0}: [{1}]")
    @CsvSource(delimiter = '|', value = {
        "Authorization|Bearer wrong",
        "Authorization|Bearer",
        "Authorization|Bearer  ",
        "Authorization|Basic dGVzdDp0ZXN0",
        "Authorization|Bearer test-token-4f9a1c2",
        "Authorization|Bearer test-token-4f9a1c2ee",
        "Authorization|Bearer TEST-TOKEN-4F9A1C2E",
        "x-access-token|test-token-4f9a1c2f",
        "x-access-token|''",
    })
    void refusesAWrongEmptyOrNearMissToken(String header, String value) throws Exception {
        HttpResponse<byte[]> response = http.send("GET", "/api/v1/id/1", header, value);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(text(response)).isEqualTo(UNAUTHORIZED);
    }

    @Test
    void acceptsTheRightTokenEvenBesideAWrongOne() throws Exception {
        HttpResponse<byte[]> response = http.send("GET", "/api/v1/id/1",
                "Authorization", "Bearer wrong", "x-access-token", TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void guardsEveryApiRouteIncludingUnknownOnes() throws Exception {
        for (String path : new String[] {"/api/v1/username/ada", "/api/v1/nickname/x",
            "/api/v1/picture/record/1", "/api/v1/picture/raw/1", "/api/v2/anything"}) {
            assertThat(http.send("GET", path).statusCode()).as(path).isEqualTo(401);
        }
    }

    @Test
    void healthNeedsNoToken() throws Exception {
        HttpResponse<byte[]> response = http.send("GET", "/healthz");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(text(response)).isEqualTo("<html>READY</html>");
    }

    @Test
    void aTokenThatCannotBeCheckedNowIs503WithRetryAfterNot401() throws Exception {
        Authenticator unreachable = request -> {
            throw new IdentityProviderUnavailableException("cannot fetch the keys of the issuer", null);
        };
        try (RunningServer down = RunningServer.start(ProfileRepository.of(new InMemoryProfileStore()),
                builder -> builder.authenticator(unreachable))) {
            HttpResponse<byte[]> response = down.send("GET", "/api/v1/profiles/1", "Authorization", "Bearer a.b.c");

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).contains("1");
            assertThat(text(response)).contains("identity provider").doesNotContain("a.b.c");
        }
    }

    @Test
    void aRefusedTokensDescriptionCannotBreakOutOfItsQuotes() throws Exception {
        Authenticator refusing = request -> {
            throw new InvalidTokenException("the \"token\" is bad");
        };
        try (RunningServer strict = RunningServer.start(ProfileRepository.of(new InMemoryProfileStore()),
                builder -> builder.authenticator(refusing))) {
            HttpResponse<byte[]> response = strict.send("GET", "/api/v1/profiles/1", "Authorization", "Bearer a.b.c");

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).contains(
                    "Bearer realm=\"profilekit\", error=\"invalid_token\", error_description=\"the 'token' is bad\"");
        }
    }

    @Test
    void aPrincipalThatIsNeitherAServiceNorAPersonGetsNothing() throws Exception {
        Principal mystery = () -> "someone";
        Authenticator custom = request -> Optional.of(mystery);
        try (RunningServer lenient = RunningServer.start(ProfileRepository.of(new InMemoryProfileStore()),
                builder -> builder.authenticator(custom))) {
            for (String[] call : new String[][] {{"GET", "/api/v1/id/1"}, {"GET", "/api/v1/profiles"},
                    {"DELETE", "/api/v1/profiles/1"}, {"GET", "/api/v1/me"}}) {
                HttpResponse<byte[]> response = lenient.send(call[0], call[1]);

                assertThat(response.statusCode()).as(call[0] + " " + call[1]).isEqualTo(403);
            }
            assertThat(text(lenient.send("GET", "/api/v1/profiles/1")))
                    .contains("neither a service nor a person");
        }
    }

    @Test
    void aServiceOrAPersonOfAnyAuthenticatorIsTheCaller() throws Exception {
        try (RunningServer custom = RunningServer.start(ProfileRepository.of(new InMemoryProfileStore()),
                builder -> builder.authenticator(request -> Optional.of(new Service("gateway"))))) {
            assertThat(custom.send("GET", "/api/v1/profiles").statusCode()).isEqualTo(200);
        }
    }
}
