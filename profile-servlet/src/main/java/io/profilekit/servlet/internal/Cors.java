package io.profilekit.servlet.internal;

import io.profilekit.servlet.internal.http.Answer;
import io.profilekit.servlet.internal.http.ErrorAnswers;
import io.profilekit.servlet.internal.http.Request;
import io.profilekit.servlet.internal.http.Route;
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
final class Cors {

    static final String ALLOWED_HEADERS = "Authorization, Content-Type, Idempotency-Key, If-Match, If-None-Match, "
            + "X-Access-Token, X-Request-Id";
    static final String EXPOSED_HEADERS = "ETag, Location, Retry-After, X-Request-Id";
    /** How long a browser may keep a preflight's answer, in seconds. */
    static final String MAX_AGE = "600";

    private final Set<String> origins;

    Cors(Set<String> origins) {
        this.origins = Set.copyOf(origins);
    }

    /** Whether CORS is on at all. */
    boolean enabled() {
        return !origins.isEmpty();
    }

    /** The answer to a preflight for {@code route}, or empty when the request is none. */
    Optional<Answer> preflight(Request request, Optional<Route> route) {
        String origin = request.header("Origin");
        if (origin == null || route.isEmpty() || !request.method().equals("OPTIONS")
                || request.header("Access-Control-Request-Method") == null) {
            return Optional.empty();
        }
        if (!origins.contains(origin)) {
            return Optional.of(ErrorAnswers.of(route, 403, "this origin may not call profilekit from a browser;"
                    + " profile.cors.allowed-origins lists those that may"));
        }
        return Optional.of(Answer.of(204)
                .header("Access-Control-Allow-Origin", origin)
                .header("Access-Control-Allow-Methods", route.get().allow())
                .header("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                .header("Access-Control-Max-Age", MAX_AGE));
    }

    /** The CORS headers of any answer while CORS is on. */
    void decorate(Request request, Answer answer) {
        // Every answer depends on Origin while CORS is on, so shared caches keep one per origin.
        answer.addHeader("Vary", "Origin");
        String origin = request.header("Origin");
        if (origin != null && origins.contains(origin) && answer.header("Access-Control-Allow-Origin") == null) {
            answer.header("Access-Control-Allow-Origin", origin);
            answer.header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
    }
}
