package io.profilekit.servlet.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.profilekit.servlet.internal.http.Route;
import io.profilekit.servlet.internal.http.SecurityHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Observes every request, in one step on the hot path:
 * <ul>
 *   <li>sets the headers every answer carries ({@link SecurityHeaders});</li>
 *   <li>gives it an id: the caller's {@code X-Request-Id} when it is a plain token, a new one
 *       otherwise; the id goes back in the response and into every log line written while the
 *       request runs (MDC key {@code requestId});</li>
 *   <li>times it into {@code http.server.requests} (tags: method, route template, status);</li>
 *   <li>when the access log is on ({@code profile.log.access}), writes one line for it to the
 *       logger {@code io.profilekit.access}.</li>
 * </ul>
 * Meters and log name the route template, never the path or query, and no header: neither
 * holds a token, username, e-mail or other profile content.
 */
public final class ObservationFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    public static final String REQUEST_ID = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    static final String ACCESS_LOGGER = "io.profilekit.access";
    private static final Logger ACCESS = LoggerFactory.getLogger(ACCESS_LOGGER);
    private static final Pattern ACCEPTED_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    /** Any other method counts as OTHER, so made-up methods cannot multiply the meters. */
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

    private final transient MeterRegistry registry;
    private final boolean accessLog;
    /** The timers already registered, so that a request looks one up instead of building it. */
    private final transient ConcurrentHashMap<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    private record TimerKey(String method, String route, int status) {
    }

    public ObservationFilter(MeterRegistry registry, boolean accessLog) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.accessLog = accessLog;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long started = System.nanoTime();
        String id = request.getHeader(REQUEST_ID);
        if (id == null || !ACCEPTED_ID.matcher(id).matches()) {
            id = newId();
        }
        response.setHeader(REQUEST_ID, id);
        SecurityHeaders.set(response);
        MDC.put(MDC_KEY, id);
        int status = 500;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            long elapsed = System.nanoTime() - started;
            String route = Route.template(request);
            String method = METHODS.contains(request.getMethod()) ? request.getMethod() : "OTHER";
            timers.computeIfAbsent(new TimerKey(method, route, status), this::timer)
                    .record(elapsed, TimeUnit.NANOSECONDS);
            if (accessLog && ACCESS.isInfoEnabled()) {
                ACCESS.info("{} {} {} {}us", method, route, status, elapsed / 1000);
            }
            MDC.remove(MDC_KEY);
        }
    }

    private Timer timer(TimerKey key) {
        return Timer.builder("http.server.requests")
                .description("HTTP requests, by method, route template and status")
                .tags("method", key.method(), "route", key.route(), "status", Integer.toString(key.status()))
                .publishPercentileHistogram()
                .register(registry);
    }

    /** 128 random bits: unique across instances, and telling a client nothing about traffic. */
    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return Long.toHexString(random.nextLong() | Long.MIN_VALUE) + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
    }
}
