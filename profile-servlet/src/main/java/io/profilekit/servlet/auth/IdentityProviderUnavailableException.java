package io.profilekit.servlet.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * A token cannot be checked because what vouches for it (an identity provider's published
 * keys) cannot be reached: answered 503 with {@code Retry-After}, since the token may well be
 * good and its holder should not be sent to sign in again.
 */
public class IdentityProviderUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /** A provider out of reach for now, tried again when the next request asks: a second from now. */
    public IdentityProviderUnavailableException(String message, Throwable cause) {
        this(message, cause, Duration.ofSeconds(1));
    }

    /** @param retryAfter when the authenticator will next try the provider */
    public IdentityProviderUnavailableException(String message, Throwable cause, Duration retryAfter) {
        super(message, cause);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** When a retry may find the provider reachable: what {@code Retry-After} says. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
