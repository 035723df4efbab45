package io.profilekit.servlet.auth;

import io.profilekit.servlet.ApiRequest;
import io.profilekit.servlet.ProfileApi;
import java.security.Principal;
import java.util.List;
import java.util.Optional;

/**
 * Decides who is calling the API. profilekit's own are {@link BearerTokenAuthenticator} (shared
 * service tokens) and {@link OidcAuthenticator} (people's OpenID Connect tokens); plug in your
 * own (mutual TLS, a gateway's headers) by handing it to {@link ProfileApi}.
 *
 * <p>An authenticator answers a {@link Caller}: a {@link Service}, with full access, or a
 * {@link Person}, who reads public views and changes only their own profile. Any other principal
 * is refused with 403: nothing is granted by default.
 *
 * <p>Called once per {@code /api/} request; implementations must be thread-safe.
 */
@FunctionalInterface
public interface Authenticator {

    /**
     * The caller of {@code request}, or empty to refuse it with 401 (or to let the next of
     * {@link #firstOf} try).
     *
     * @throws InvalidTokenException when the request carries a token for this authenticator
     *     that it refuses: 401 with {@code error="invalid_token"}, no other authenticator tried
     * @throws IdentityProviderUnavailableException when the token cannot be checked now: 503
     */
    Optional<Principal> authenticate(ApiRequest request);

    /**
     * Whether {@link #authenticate} may wait (for an identity provider's keys over the network,
     * say), so that it must run on a thread that may block rather than on the one that read the
     * request. True unless an authenticator says otherwise.
     */
    default boolean mayBlock() {
        return true;
    }

    /** The first caller any of {@code authenticators} knows, asked in order. */
    static Authenticator firstOf(Authenticator... authenticators) {
        List<Authenticator> all = List.of(authenticators);
        boolean mayBlock = all.stream().anyMatch(Authenticator::mayBlock);
        return new Authenticator() {
            @Override
            public Optional<Principal> authenticate(ApiRequest request) {
                for (Authenticator authenticator : all) {
                    Optional<Principal> caller = authenticator.authenticate(request);
                    if (caller.isPresent()) {
                        return caller;
                    }
                }
                return Optional.empty();
            }

            @Override
            public boolean mayBlock() {
                return mayBlock;
            }
        };
    }
}
