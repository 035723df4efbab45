package io.profilekit.servlet.internal.access;

import io.profilekit.servlet.internal.http.ErrorResponses;
import io.profilekit.servlet.internal.http.HttpProblem;
import io.profilekit.servlet.internal.http.Route;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies the {@link AccessRules} to every authenticated request of a route and method that
 * exist (the servlets answer the others 404 or 405), before any servlet reads the store.
 */
public final class AccessFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private final transient AccessRules rules;

    public AccessFilter(AccessRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<Route> route = Route.of(request).filter(found -> found.allows(request.getMethod()));
        if (route.isPresent()) {
            try {
                rules.check(route.get(), request);
            } catch (HttpProblem refused) {
                ErrorResponses.write(request, response, refused);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
