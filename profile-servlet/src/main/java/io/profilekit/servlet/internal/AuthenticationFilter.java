package io.profilekit.servlet.internal;

import io.profilekit.servlet.auth.Authenticator;
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

/**
 * Lets a request through only when the {@link Authenticator} knows its caller, who then is the
 * request's user principal; answers 401 with {@code WWW-Authenticate: Bearer} otherwise.
 */
public final class AuthenticationFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private final transient Authenticator authenticator;

    public AuthenticationFilter(Authenticator authenticator) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<Principal> caller = authenticator.authenticate(request);
        if (caller.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"profilekit\"");
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
