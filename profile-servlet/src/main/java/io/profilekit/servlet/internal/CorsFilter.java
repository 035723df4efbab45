package io.profilekit.servlet.internal;

import io.profilekit.servlet.internal.http.ErrorResponses;
import io.profilekit.servlet.internal.http.Route;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * CORS for browser apps served from the origins {@code profile.cors.allowed-origins} lists,
 * compared exactly. A preflight ({@code OPTIONS} with {@code Origin} and
 * {@code Access-Control-Request-Method}) is answered here, before authentication, with the
 * route's methods and the request headers profilekit reads; other requests from those origins
 * get {@code Access-Control-Allow-Origin} and the response headers a client needs exposed
 * ({@code ETag}, {@code Location}...). Other origins get no CORS header, so browsers keep their
 * pages from reading answers; a preflight from one is 403. No credentials mode: tokens travel in
 * {@code Authorization}, never in cookies.
 */
public final class CorsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String ALLOWED_HEADERS = "Authorization, Content-Type, If-Match, If-None-Match, X-Access-Token, "
            + "X-Request-Id";
    static final String EXPOSED_HEADERS = "ETag, Location, Retry-After, X-Request-Id";
    /** How long a browser may keep a preflight's answer, in seconds. */
    static final String MAX_AGE = "600";

    private final Set<String> origins;

    public CorsFilter(Set<String> origins) {
        this.origins = Set.copyOf(origins);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // Every answer depends on Origin while CORS is on, so shared caches keep one per origin.
        response.addHeader("Vary", "Origin");
        String origin = request.getHeader("Origin");
        if (origin == null) {
            chain.doFilter(request, response);
            return;
        }
        boolean allowed = origins.contains(origin);
        Optional<Route> route = Route.of(request);
        if (request.getMethod().equals("OPTIONS") && request.getHeader("Access-Control-Request-Method") != null
                && route.isPresent()) {
            if (!allowed) {
                ErrorResponses.write(request, response, 403, "this origin may not call profilekit from a browser;"
                        + " profile.cors.allowed-origins lists those that may");
                return;
            }
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Allow-Methods", route.get().allow());
            response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            response.setHeader("Access-Control-Max-Age", MAX_AGE);
            response.setStatus(204);
            return;
        }
        if (allowed) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
        chain.doFilter(request, response);
    }
}
