package io.profilekit.servlet.internal;

import io.profilekit.core.internal.Futures;
import io.profilekit.servlet.auth.Authenticator;
import io.profilekit.servlet.auth.Caller;
import io.profilekit.servlet.auth.IdentityProviderUnavailableException;
import io.profilekit.servlet.auth.InvalidTokenException;
import io.profilekit.servlet.internal.http.HttpProblem;
import io.profilekit.servlet.internal.http.Request;
import java.security.Principal;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is calling, once per {@code /api/} request: the {@link Authenticator}'s principal as a
 * {@link Caller}, on a worker thread when the authenticator may block. No principal is 401 with
 * {@code WWW-Authenticate: Bearer} (with {@code error="invalid_token"} and what is wrong for a
 * token the authenticator refused); a principal that is neither a service nor a person is 403,
 * so nothing is granted by default; a token that cannot be checked now is 503.
 */
final class Authentication {

    private static final Logger LOG = LoggerFactory.getLogger(Authentication.class);
    static final String CHALLENGE = "Bearer realm=\"profilekit\"";
    /** While the identity provider is unreachable, one warning per this long, not one per request. */
    private static final long WARN_EVERY_NANOS = 30_000_000_000L;

    private final Authenticator authenticator;
    private final Executor workers;
    private volatile long lastWarned;

    Authentication(Authenticator authenticator, Executor workers) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.workers = Objects.requireNonNull(workers, "workers");
    }

    /** The caller of {@code request}; fails with the 401, 403 or 503 that answers it otherwise. */
    CompletableFuture<Caller> caller(Request request) {
        CompletableFuture<Optional<Principal>> principal = authenticator.mayBlock()
                ? CompletableFuture.supplyAsync(() -> authenticator.authenticate(request), workers)
                : Futures.attempt(() -> CompletableFuture.completedFuture(authenticator.authenticate(request)));
        return principal.handle((found, error) -> {
            if (error != null) {
                throw refusal(Futures.unwrap(error));
            }
            if (found.isEmpty()) {
                throw HttpProblem.unauthorized("a valid API token is required").with("WWW-Authenticate", CHALLENGE);
            }
            return Caller.of(found.get()).orElseThrow(() -> HttpProblem.forbidden("the authenticator named a caller"
                    + " that is neither a service nor a person; profilekit grants nothing to any other"));
        });
    }

    private RuntimeException refusal(Throwable error) {
        if (error instanceof InvalidTokenException refused) {
            return HttpProblem.unauthorized(refused.getMessage()).with("WWW-Authenticate", CHALLENGE
                    + ", error=\"invalid_token\", error_description=\"" + refused.getMessage().replace('"', '\'') + "\"");
        }
        if (error instanceof IdentityProviderUnavailableException unavailable) {
            long now = System.nanoTime();
            long last = lastWarned;
            if (last == 0 || now - last > WARN_EVERY_NANOS) {
                lastWarned = now;
                LOG.warn("Cannot check people's tokens (each is answered 503 meanwhile): {}", unavailable.getMessage());
            }
            return HttpProblem.retryLater("the identity provider's keys cannot be fetched to check the token; try"
                    + " again later", unavailable.retryAfter());
        }
        return Futures.rethrow(error);
    }
}
