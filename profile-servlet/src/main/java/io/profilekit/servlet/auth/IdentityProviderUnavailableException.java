package io.profilekit.servlet.auth;

/**
 * A token cannot be checked because what vouches for it (an identity provider's published
 * keys) cannot be reached: answered 503 with {@code Retry-After}, since the token may well be
 * good and its holder should not be sent to sign in again.
 */
public class IdentityProviderUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IdentityProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
