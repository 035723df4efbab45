package io.profilekit.servlet.internal;

import io.profilekit.core.ProfileException;
import io.profilekit.servlet.internal.http.ErrorResponses;
import io.profilekit.servlet.internal.http.HttpProblem;
import io.profilekit.servlet.internal.http.Route;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one error-handling path of every profilekit servlet. It finds the request's
 * {@link Route}, answers 404 when there is none and 405 (with {@code Allow}) when the route
 * lacks the method, then lets the servlet {@link #handle} it. An {@link HttpProblem} or a
 * repository error becomes its status in the route's error shape; anything unexpected is logged
 * with the route's template (never the path, which may hold a username) and answered 500 with
 * nothing more.
 */
public abstract class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);

    @Override
    protected final void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            if (request.getRequestURI().indexOf(';') >= 0) {
                // Containers drop path parameters before routing: /profiles/;x would list.
                throw HttpProblem.badRequest("path parameters (';') are not accepted");
            }
            Route route = Route.of(request).orElseThrow(() -> HttpProblem.notFound("no route matches "
                    + request.getRequestURI()));
            if (!route.allows(request.getMethod())) {
                throw HttpProblem.methodNotAllowed(request.getMethod(), route.allow());
            }
            handle(route, request, response);
        } catch (HttpProblem problem) {
            ErrorResponses.write(request, response, problem);
        } catch (ProfileException e) {
            ErrorResponses.write(request, response, e);
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", request.getMethod(), Route.template(request), e);
            if (!response.isCommitted()) {
                String requestId = response.getHeader(ObservationFilter.REQUEST_ID);
                response.reset();
                if (requestId != null) {
                    response.setHeader(ObservationFilter.REQUEST_ID, requestId);
                }
                ErrorResponses.write(request, response, 500, null);
            }
        }
    }

    /**
     * Answers a request for {@code route} with a method the route allows (HEAD as GET: the
     * container sends no body for it).
     */
    protected abstract void handle(Route route, HttpServletRequest request, HttpServletResponse response)
            throws IOException;
}
