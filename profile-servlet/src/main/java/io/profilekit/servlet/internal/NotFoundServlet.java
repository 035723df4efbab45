package io.profilekit.servlet.internal;

import io.profilekit.servlet.internal.http.HttpProblem;
import io.profilekit.servlet.internal.http.Route;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Mapped to {@code /}: every request no other route takes. {@link ApiServlet} finds no route
 * for it and answers 404; should a route ever map here, it is still a 404.
 */
public final class NotFoundServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void handle(Route route, HttpServletRequest request, HttpServletResponse response) {
        throw HttpProblem.notFound("no route matches " + request.getRequestURI());
    }
}
