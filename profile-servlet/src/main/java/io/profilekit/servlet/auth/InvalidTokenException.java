package io.profilekit.servlet.auth;

/**
 * The request carries a token meant for this {@link Authenticator} that it refuses (expired,
 * from another issuer, badly signed): answered 401 with
 * {@code WWW-Authenticate: Bearer error="invalid_token"} and this message as the error
 * description, which must therefore say what is wrong without repeating the token or its claims.
 */
public class InvalidTokenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String description) {
        super(description);
    }
}
