package io.profilekit.servlet.auth;

import io.profilekit.servlet.ProfileApi;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;

/**
 * Decides who is calling the API. profilekit's own is {@link BearerTokenAuthenticator}; plug in
 * your own (JWTs, mutual TLS, a gateway's headers) by handing it to {@link ProfileApi}.
 *
 * <p>Called once per {@code /api/} request, on the request thread; implementations must be
 * thread-safe and should be fast.
 */
@FunctionalInterface
public interface Authenticator {

    /**
     * The caller of {@code request}, or empty to refuse it with 401.
     * The principal becomes the request's {@link HttpServletRequest#getUserPrincipal()}.
     */
    Optional<Principal> authenticate(HttpServletRequest request);
}
