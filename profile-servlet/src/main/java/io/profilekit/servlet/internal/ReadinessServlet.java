package io.profilekit.servlet.internal;

import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoreConfigurationException;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.servlet.internal.http.Route;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * {@code GET /readyz}: 200 when the store answers, for readiness probes and load balancers;
 * otherwise 503 with {@code Retry-After}, and ready again as soon as the store is back.
 */
public final class ReadinessServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;
    private static final byte[] READY = "{\"status\":\"ready\"}".getBytes(StandardCharsets.US_ASCII);

    private final transient ProfileRepository repository;

    public ReadinessServlet(ProfileRepository repository) {
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    @Override
    protected void handle(Route route, HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            repository.ping();
        } catch (StoreConfigurationException notServable) {
            // Not ready, whatever the reason: a load balancer routes elsewhere; the log says why.
            throw new StoreUnavailableException(notServable.getMessage(), notServable);
        }
        response.setStatus(200);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(READY.length);
        response.getOutputStream().write(READY);
    }
}
