package io.profilekit.servlet;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times every request into {@code http.server.requests} (tags: method, route template,
 * status) and writes one access-log line for it to the logger {@code io.profilekit.access}.
 * Both name the route template, never the path or query, and no header: the log holds no
 * token, username, e-mail or other profile content.
 */
final class ObservationFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String ACCESS_LOGGER = "io.profilekit.access";
    private static final Logger ACCESS = LoggerFactory.getLogger(ACCESS_LOGGER);
    /** Any other method counts as OTHER, so made-up methods cannot multiply the meters. */
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

    private final transient MeterRegistry registry;

    ObservationFilter(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long started = System.nanoTime();
        int status = 500;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            long elapsed = System.nanoTime() - started;
            String route = Routes.template(request);
            String method = METHODS.contains(request.getMethod()) ? request.getMethod() : "OTHER";
            Timer.builder("http.server.requests")
                    .description("HTTP requests, by method, route template and status")
                    .tags("method", method, "route", route, "status", Integer.toString(status))
                    .publishPercentileHistogram()
                    .register(registry)
                    .record(elapsed, TimeUnit.NANOSECONDS);
            if (ACCESS.isInfoEnabled()) {
                ACCESS.info("{} {} {} {}us", method, route, status, elapsed / 1000);
            }
        }
    }
}
