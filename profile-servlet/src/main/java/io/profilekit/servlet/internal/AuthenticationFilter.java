package io.profilekit.servlet.internal;

import io.profilekit.servlet.auth.Authenticator;
import io.profilekit.servlet.auth.IdentityProviderUnavailableException;
import io.profilekit.servlet.auth.InvalidTokenException;
import io.profilekit.servlet.internal.http.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a request through only when the {@link Authenticator} knows its caller, who then is the
 * request's user principal; answers 401 with {@code WWW-Authenticate: Bearer} otherwise (with
 * {@code error="invalid_token"} and what is wrong for a token the authenticator refused), and
 * 503 when the token cannot be checked now.
 */
public final class AuthenticationFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationFilter.class);
    private static final String CHALLENGE = "Bearer realm=\"profilekit\"";
    private static final int RETRY_AFTER_SECONDS = 5;
    /** While the identity provider is unreachable, one warning per this long, not one per request. */
    private static final long WARN_EVERY_NANOS = 30_000_000_000L;

    private transient volatile long lastWarned;

    private final transient Authenticator authenticator;

    public AuthenticationFilter(Authenticator authenticator) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<Principal> caller;
        try {
            caller = authenticator.authenticate(request);
        } catch (InvalidTokenException refused) {
            response.setHeader("WWW-Authenticate", CHALLENGE + ", error=\"invalid_token\", error_description=\""
                    + refused.getMessage().replace('"', '\'') + "\"");
            ErrorResponses.write(request, response, 401, refused.getMessage());
            return;
        } catch (IdentityProviderUnavailableException unavailable) {
            long now = System.nanoTime();
            long last = lastWarned;
            if (last == 0 || now - last > WARN_EVERY_NANOS) {
                lastWarned = now;
                LOG.warn("Cannot check people's tokens (each is answered 503 meanwhile): {}", unavailable.getMessage());
            }
            response.setIntHeader("Retry-After", RETRY_AFTER_SECONDS);
            ErrorResponses.write(request, response, 503, "the identity provider's keys cannot be fetched to check the"
                    + " token; try again later");
            return;
        }
        if (caller.isEmpty()) {
            response.setHeader("WWW-Authenticate", CHALLENGE);
            ErrorResponses.write(request, response, 401, "a valid API token is required");
            return;
        }
        Principal principal = caller.get();
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }
        }, response);
    }
}
