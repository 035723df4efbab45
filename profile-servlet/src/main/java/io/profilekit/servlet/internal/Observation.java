package io.profilekit.servlet.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.profilekit.servlet.internal.http.Request;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Observes every request: gives it an id (the caller's {@code X-Request-Id} when it is a plain
 * token, a new one otherwise), which goes back in the answer and into the log lines written
 * while it runs on the thread that took it (MDC key {@code requestId}); times it into
 * {@code profilekit.http.server.requests} (tags: method, route template, status); and, when the
 * access log is on ({@code profile.log.access}), writes one line for it to the logger
 * {@code io.profilekit.access}, with its id. Meters and log name the route template, never the
 * path or query, and no header: neither holds a token, username, e-mail or other profile content.
 */
final class Observation {

    static final String REQUEST_ID = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    static final String ACCESS_LOGGER = "io.profilekit.access";
    static final String TIMER = "profilekit.http.server.requests";
    private static final Logger ACCESS = LoggerFactory.getLogger(ACCESS_LOGGER);
    private static final Pattern ACCEPTED_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    /** Any other method counts as OTHER, so made-up methods cannot multiply the meters. */
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

    private final MeterRegistry registry;
    private final boolean accessLog;
    /** The timers already registered, so that a request looks one up instead of building it. */
    private final ConcurrentHashMap<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    private record TimerKey(String method, String route, int status) {
    }

    Observation(MeterRegistry registry, boolean accessLog) {
        this.registry = registry;
        this.accessLog = accessLog;
    }

    /** The request's id: the one it brought when that is a plain token, else 128 random bits. */
    static String requestId(Request request) {
        String id = request.header(REQUEST_ID);
        return id != null && ACCEPTED_ID.matcher(id).matches() ? id : newId();
    }

    /** Counts a request that was answered {@code status} after {@code nanos}, and logs it if asked to. */
    void record(String method, String route, int status, long nanos, String requestId) {
        String counted = METHODS.contains(method) ? method : "OTHER";
        timers.computeIfAbsent(new TimerKey(counted, route, status), this::timer).record(nanos, TimeUnit.NANOSECONDS);
        if (accessLog && ACCESS.isInfoEnabled()) {
            MDC.put(MDC_KEY, requestId);
            try {
                ACCESS.info("{} {} {} {}us", counted, route, status, nanos / 1000);
            } finally {
                MDC.remove(MDC_KEY);
            }
        }
    }

    private Timer timer(TimerKey key) {
        return Timer.builder(TIMER)
                .description("HTTP requests to profilekit's routes, by method, route template and status")
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
