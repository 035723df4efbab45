package io.profilekit.servlet;

import io.profilekit.core.ProfileException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A servlet that answers GET and HEAD only (405 with {@code Allow} otherwise), and turns
 * repository errors into their status and anything unexpected into a 500 that says nothing
 * more, after logging it.
 */
abstract class ReadOnlyServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ReadOnlyServlet.class);

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            response.setHeader("Allow", "GET, HEAD");
            ErrorResponses.write(request, response, 405, method + " is not allowed here");
            return;
        }
        try {
            super.service(request, response);
        } catch (ProfileException e) {
            ErrorResponses.write(request, response, e);
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", method, request.getRequestURI(), e);
            if (!response.isCommitted()) {
                response.reset();
                ErrorResponses.write(request, response, 500, null);
            }
        }
    }
}
