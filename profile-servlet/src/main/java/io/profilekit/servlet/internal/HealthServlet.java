package io.profilekit.servlet.internal;

import io.profilekit.servlet.internal.http.Route;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /healthz}: 200 whenever the process serves requests, with the seed's body, for
 * liveness probes. It does not ask the store; readiness is {@code /readyz}'s job.
 */
public final class HealthServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;
    private static final byte[] BODY = "<html>READY</html>".getBytes(StandardCharsets.US_ASCII);

    @Override
    protected void handle(Route route, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType("text/html");
        response.setContentLength(BODY.length);
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(BODY);
    }
}
