package io.profilekit.servlet.auth;

import io.profilekit.servlet.ProfileApi;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import java.util.Optional;

/**
 * Decides who is calling the API. profilekit's own are {@link BearerTokenAuthenticator} (shared
 * service tokens) and {@link OidcAuthenticator} (people's OpenID Connect tokens); plug in your
 * own (mutual TLS, a gateway's headers) by handing it to {@link ProfileApi}.
 *
 * <p>A {@link Person} may read public views and change only their own profile; any other
 * principal is a service with full access.
 *
 * <p>Called once per {@code /api/} request, on the request thread; implementations must be
 * thread-safe and should be fast.
 */
@FunctionalInterface
public interface Authenticator {

    /**
     * The caller of {@code request}, or empty to refuse it with 401 (or to let the next of
     * {@link #firstOf} try). The principal becomes the request's
     * {@link HttpServletRequest#getUserPrincipal()}.
     *
     * @throws InvalidTokenException when the request carries a token for this authenticator
     *     that it refuses: 401 with {@code error="invalid_token"}, no other authenticator tried
     * @throws IdentityProviderUnavailableException when the token cannot be checked now: 503
     */
    Optional<Principal> authenticate(HttpServletRequest request);

    /** The first caller any of {@code authenticators} knows, asked in order. */
    static Authenticator firstOf(Authenticator... authenticators) {
        List<Authenticator> all = List.of(authenticators);
        return request -> {
            for (Authenticator authenticator : all) {
                Optional<Principal> caller = authenticator.authenticate(request);
                if (caller.isPresent()) {
                    return caller;
                }
            }
            return Optional.empty();
        };
    }
}
