package io.profilekit.servlet.internal;

import io.profilekit.servlet.auth.Caller;
import io.profilekit.servlet.internal.access.AccessPolicy;
import io.profilekit.servlet.internal.http.Answer;
import io.profilekit.servlet.internal.http.Call;
import io.profilekit.servlet.internal.http.ErrorAnswers;
import io.profilekit.servlet.internal.http.HttpProblem;
import io.profilekit.servlet.internal.http.Request;
import io.profilekit.servlet.internal.http.Route;
import io.profilekit.servlet.internal.http.RouteHandler;
import io.profilekit.servlet.internal.http.SecurityHeaders;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.MDC;

/**
 * profilekit's whole HTTP API behind one call, whatever server carries the request: every
 * server adapter (a servlet, a Jetty handler) turns its request into a {@link Request}, calls
 * {@link #handle}, and writes the answer. In order: a request id; CORS preflights; the route
 * (404 without one, 405 for a method it lacks); on {@code /api/} routes the caller
 * ({@link Authentication}) and what it may do ({@link AccessPolicy}); the route's handler; any
 * failure as the route's error answer ({@link ErrorAnswers}); then the headers every answer
 * carries, the meters and the access log. Nothing here waits: the answer is a future.
 */
public final class ApiHandler {

    private final Map<Route, RouteHandler> handlers;
    private final Authentication authentication;
    private final AccessPolicy access;
    private final Cors cors;
    private final Observation observation;

    ApiHandler(Map<Route, RouteHandler> handlers, Authentication authentication, AccessPolicy access, Cors cors,
            Observation observation) {
        this.handlers = Map.copyOf(handlers);
        this.authentication = Objects.requireNonNull(authentication, "authentication");
        this.access = Objects.requireNonNull(access, "access");
        this.cors = Objects.requireNonNull(cors, "cors");
        this.observation = Objects.requireNonNull(observation, "observation");
    }

    /** The answer to {@code request}; never fails (a failure is its error answer). */
    public CompletableFuture<Answer> handle(Request request) {
        long started = System.nanoTime();
        String requestId = Observation.requestId(request);
        Optional<Route> route = Route.of(request.path());
        MDC.put(Observation.MDC_KEY, requestId);
        CompletableFuture<Answer> answer;
        try {
            answer = dispatch(request, route);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        } finally {
            MDC.remove(Observation.MDC_KEY);
        }
        return answer.handle((done, error) -> error == null ? done : ErrorAnswers.of(route, request.method(), error))
                .thenApply(done -> finish(request, route, done, requestId, started));
    }

    private CompletableFuture<Answer> dispatch(Request request, Optional<Route> route) {
        if (request.hasPathParameters() || request.path().indexOf(';') >= 0) {
            // Containers drop path parameters before routing: /profiles/;x would list.
            throw HttpProblem.badRequest("path parameters (';') are not accepted");
        }
        if (cors.enabled()) {
            Optional<Answer> preflight = cors.preflight(request, route);
            if (preflight.isPresent()) {
                return CompletableFuture.completedFuture(preflight.get());
            }
        }
        boolean guarded = route.map(Route::needsCaller).orElse(Route.needsCaller(request.path()));
        if (!guarded) {
            return answer(request, route, null);
        }
        // Every /api/ path needs a caller, unknown ones included: a request without one learns nothing.
        return authentication.caller(request).thenCompose(caller -> answer(request, route, caller));
    }

    /** The route's answer to {@code caller}: 404 without a route, 405 for a method it lacks, 403 for what the caller may not do. */
    private CompletableFuture<Answer> answer(Request request, Optional<Route> route, Caller caller) {
        Route found = route.orElseThrow(() -> HttpProblem.notFound("no route matches " + request.path()));
        if (!found.allows(request.method())) {
            throw HttpProblem.methodNotAllowed(request.method(), found.allow());
        }
        if (caller != null) {
            access.check(found, request.method(), caller);
        }
        return handlers.get(found).handle(new Call(request, found, caller));
    }

    /** The headers every answer carries; its body dropped for HEAD; counted and logged. */
    private Answer finish(Request request, Optional<Route> route, Answer answer, String requestId, long started) {
        answer.header(Observation.REQUEST_ID, requestId);
        SecurityHeaders.set(answer);
        if (cors.enabled()) {
            cors.decorate(request, answer);
        }
        if (answer.status() >= 400 && request.declaresBody() && !request.bodyRead() && !answer.closesConnection()) {
            // The server closes such a connection once the answer is sent, unless the rest
            // arrives at once; saying so keeps a client from sending its next request on it.
            answer.closeConnection();
        }
        observation.record(request.method(), route.map(Route::template).orElse(Route.UNMATCHED), answer.status(),
                System.nanoTime() - started, requestId);
        return answer;
    }
}
