package io.profilekit.server;

import io.profilekit.servlet.auth.BearerTokenAuthenticator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the accepted API tokens current: the configured ones plus the token stored in the
 * database (the seed's {@code service_auth:1}), re-read every {@link #INTERVAL}, so a rotated
 * token takes effect without a restart. If the store cannot be read, the tokens stay as they
 * were.
 */
final class TokenRefresher implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(TokenRefresher.class);

    private final List<String> configured;
    private final Supplier<Optional<String>> stored;
    private final BearerTokenAuthenticator authenticator;
    private final ScheduledExecutorService scheduler;
    private List<String> current;

    private TokenRefresher(List<String> configured, Supplier<Optional<String>> stored,
            BearerTokenAuthenticator authenticator, List<String> current) {
        this.configured = List.copyOf(configured);
        this.stored = stored;
        this.authenticator = authenticator;
        this.current = current;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "profilekit-token-refresh");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The configured tokens and the stored one, without duplicates. */
    static List<String> accepted(List<String> configured, Optional<String> stored) {
        List<String> tokens = new ArrayList<>(configured);
        stored.filter(token -> !tokens.contains(token)).ifPresent(tokens::add);
        return List.copyOf(tokens);
    }

    /** Starts refreshing {@code authenticator}, which already accepts {@code current}. */
    static TokenRefresher start(List<String> configured, Supplier<Optional<String>> stored,
            BearerTokenAuthenticator authenticator, List<String> current, Duration interval) {
        TokenRefresher refresher = new TokenRefresher(configured, stored, authenticator, current);
        refresher.scheduler.scheduleWithFixedDelay(refresher::refresh, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return refresher;
    }

    /** Re-reads the stored token and updates the authenticator if the accepted tokens changed. */
    void refresh() {
        List<String> tokens;
        try {
            tokens = accepted(configured, stored.get());
        } catch (RuntimeException e) {
            LOG.warn("Could not re-read the stored API token, keeping the current tokens: {}", e.getMessage());
            return;
        }
        if (!tokens.equals(current)) {
            authenticator.setTokens(tokens);
            current = tokens;
            if (tokens.isEmpty()) {
                LOG.warn("No API token is configured or stored any more: every /api/ request is refused");
            } else {
                LOG.info("The stored API token changed; accepting {} token(s)", tokens.size());
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
