package io.profilekit.servlet.internal.http;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MediaTypesTest {

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "Application/JSON", "application/json; charset=utf-8",
            "application/json;charset=\"UTF-8\"", "application/json; q=1"})
    void acceptsTheMediaTypeInAnyCaseWithAUtf8Charset(String contentType) {
        FakeRequest request = FakeRequest.of("POST", "/api/v1/profiles").header("Content-Type", contentType);

        assertThatCode(() -> MediaTypes.require(request, "application/json")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/json; charset=latin1", "application/json; charset",
            "application/jsonx", ";"})
    void refusesAnotherMediaTypeOrCharsetAs415(String contentType) {
        FakeRequest request = FakeRequest.of("POST", "/api/v1/profiles").header("Content-Type", contentType);

        assertThatThrownBy(() -> MediaTypes.require(request, "application/json"))
                .isInstanceOfSatisfying(HttpProblem.class, problem -> org.assertj.core.api.Assertions
                        .assertThat(problem.status()).isEqualTo(415));
    }

    @Test
    void aBodyWithoutContentTypeIs415SayingSo() {
        assertThatThrownBy(() -> MediaTypes.require(FakeRequest.of("POST", "/api/v1/profiles"), "application/json"))
                .isInstanceOf(HttpProblem.class)
                .hasMessage("the body must be application/json; the request has no Content-Type");
    }

    @Test
    void aRouteThatTakesTwoTypesAcceptsEitherAndNamesBothWhenRefusing() {
        FakeRequest scim = FakeRequest.of("POST", "/scim/v2/Users").header("Content-Type", "application/scim+json");
        FakeRequest plain = FakeRequest.of("POST", "/scim/v2/Users").header("Content-Type", "text/plain");

        assertThatCode(() -> MediaTypes.require(scim, "application/scim+json", "application/json"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> MediaTypes.require(plain, "application/scim+json", "application/json"))
                .hasMessage("the body must be application/scim+json or application/json, not text/plain");
    }
}
