package io.profilekit.servlet.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BearerTokenAuthenticatorTest {

    private final BearerTokenAuthenticator authenticator =
            new BearerTokenAuthenticator(List.of("first-token", "second-token"));

    @Test
    void readsTheTokenOfEveryHeaderForm() {
        assertThat(BearerTokenAuthenticator.tokenOf("Bearer abc")).isEqualTo("abc");
        assertThat(BearerTokenAuthenticator.tokenOf("bearer abc")).isEqualTo("abc");
        assertThat(BearerTokenAuthenticator.tokenOf("BEARER   abc ")).isEqualTo("abc");
        assertThat(BearerTokenAuthenticator.tokenOf("abc")).isEqualTo("abc");
        assertThat(BearerTokenAuthenticator.tokenOf("Bearer ")).isEmpty();
    }

    @Test
    void matchesEveryConfiguredToken() {
        assertThat(authenticator.matches("first-token")).isTrue();
        assertThat(authenticator.matches("second-token")).isTrue();
    }

    @Test
    void refusesNearMissesAndEmptyTokens() {
        assertThat(authenticator.matches("first-toke")).isFalse();
        assertThat(authenticator.matches("first-tokenx")).isFalse();
        assertThat(authenticator.matches("FIRST-TOKEN")).isFalse();
        assertThat(authenticator.matches("")).isFalse();
    }

    @Test
    void replacedTokensTakeEffect() {
        authenticator.setTokens(List.of("rotated"));

        assertThat(authenticator.matches("rotated")).isTrue();
        assertThat(authenticator.matches("first-token")).isFalse();
    }

    @Test
    void refusesBlankTokens() {
        assertThatThrownBy(() -> new BearerTokenAuthenticator(List.of("ok", " ")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyTokenSetAcceptsNothing() {
        authenticator.setTokens(List.of());

        assertThat(authenticator.matches("first-token")).isFalse();
    }

    @Test
    void neverShowsItsTokens() {
        assertThat(authenticator.toString()).doesNotContain("first-token").contains("2 token(s)");
    }
}
