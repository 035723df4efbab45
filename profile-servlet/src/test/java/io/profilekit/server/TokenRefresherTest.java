package io.profilekit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.StoreUnavailableException;
import io.profilekit.servlet.auth.BearerTokenAuthenticator;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TokenRefresherTest {

    private final AtomicReference<Optional<String>> stored = new AtomicReference<>(Optional.of("stored-1"));
    private final BearerTokenAuthenticator authenticator =
            new BearerTokenAuthenticator(List.of("configured", "stored-1"));

    private TokenRefresher start(Duration interval) {
        return TokenRefresher.start(List.of("configured"), stored::get, authenticator,
                List.of("configured", "stored-1"), interval);
    }

    @Test
    void acceptsTheConfiguredTokensAndTheStoredOneOnce() {
        assertThat(TokenRefresher.accepted(List.of("a", "b"), Optional.of("c"))).containsExactly("a", "b", "c");
        assertThat(TokenRefresher.accepted(List.of("a"), Optional.of("a"))).containsExactly("a");
        assertThat(TokenRefresher.accepted(List.of(), Optional.empty())).isEmpty();
    }

    @Test
    void aRotatedStoredTokenReplacesTheOldOne() {
        try (TokenRefresher refresher = start(Duration.ofHours(1))) {
            stored.set(Optional.of("stored-2"));

            refresher.refresh();

            assertThat(authenticator.matches("stored-2")).isTrue();
            assertThat(authenticator.matches("stored-1")).isFalse();
            assertThat(authenticator.matches("configured")).isTrue();
        }
    }

    @Test
    void anUnreadableStoreKeepsTheCurrentTokens() {
        try (TokenRefresher failing = TokenRefresher.start(List.of("configured"), () -> {
            throw new StoreUnavailableException("down");
        }, authenticator, List.of("configured", "stored-1"), Duration.ofHours(1))) {

            failing.refresh();

            assertThat(authenticator.matches("stored-1")).isTrue();
            assertThat(authenticator.matches("configured")).isTrue();
        }
    }

    @Test
    void refreshesOnItsOwnAtTheInterval() throws Exception {
        try (TokenRefresher refresher = start(Duration.ofMillis(20))) {
            stored.set(Optional.of("stored-3"));

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!authenticator.matches("stored-3") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }

            assertThat(authenticator.matches("stored-3")).isTrue();
        }
    }
}
