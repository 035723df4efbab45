package io.profilekit.servlet.internal.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.profilekit.core.ProfileException;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.internal.Futures;
import io.profilekit.core.internal.Json;
import io.profilekit.core.scim.ScimException;
import io.profilekit.core.scim.ScimSchemas;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of error answers, whatever decided on them (a route, the access policy,
 * authentication, CORS, or the server before any route ran), in the three shapes the API speaks:
 * the seed's ({@code {"status":"failure","message":{"error":"Not Found"}}}) on the
 * seed-compatible routes, SCIM's error message on {@code /scim/v2}, and RFC 9457
 * {@code application/problem+json} everywhere else. It
 * holds the one table from a repository error's reason to a status, and the one
 * {@code Retry-After} policy ({@link RetryAfter}). No answer ever carries a stack trace, a secret
 * or a class name.
 */
public final class ErrorAnswers {

    public static final String PROBLEM = "application/problem+json";
    /** The media type of SCIM's messages, errors included. */
    public static final String SCIM = "application/scim+json";

    private static final Logger LOG = LoggerFactory.getLogger(ErrorAnswers.class);
    private static final String STORE_UNAVAILABLE = "the profile store is unavailable; try again later";
    private static final String STORE_MISCONFIGURED = "the profile store refused the request; its operator has been"
            + " told (in the server's log) what to fix";

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(400, "Bad Request"),
            Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"),
            Map.entry(406, "Not Acceptable"),
            Map.entry(408, "Request Timeout"),
            Map.entry(409, "Conflict"),
            Map.entry(412, "Precondition Failed"),
            Map.entry(413, "Content Too Large"),
            Map.entry(415, "Unsupported Media Type"),
            Map.entry(422, "Unprocessable Content"),
            Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"),
            Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"));

    private ErrorAnswers() {
    }

    /** The status that answers each kind of repository error: the one table of them. */
    static int statusOf(ProfileException.Reason reason) {
        return switch (reason) {
            case NOT_FOUND -> 404;
            case READ_ONLY_FIELD -> 403;
            case CONFLICT -> 409;
            case PRECONDITION_FAILED -> 412;
            case MALFORMED -> 400;
            case UNSUPPORTED_PICTURE -> 415;
            case TOO_LARGE -> 413;
            case INVALID, IDEMPOTENCY_KEY_REUSED -> 422;
            case CONTENDED, UNAVAILABLE -> 503;
            case STORE_MISCONFIGURED -> 502;
            case STORE_LACKS_SERVICE -> 501;
        };
    }

    /** The reason phrase of a status. */
    public static String reason(int status) {
        return REASONS.getOrDefault(status, "Error");
    }

    /**
     * The answer to a failure on {@code route} (empty when no route matched): an
     * {@link HttpProblem} as it says, a repository error by its reason, anything else a 500 that
     * says nothing more, logged with the route's template (never the path, which may hold a
     * username).
     */
    public static Answer of(Optional<Route> route, String method, Throwable failure) {
        Throwable error = Futures.unwrap(failure);
        if (error instanceof HttpProblem problem) {
            Answer answer = of(route, problem.status(), problem.getMessage());
            problem.headers().forEach(answer::header);
            return answer;
        }
        if (error instanceof ProfileException repository) {
            return of(route, repository);
        }
        if (error instanceof RejectedExecutionException) {
            return of(route, 503, "the server is busy; try again shortly")
                    .header("Retry-After", RetryAfter.seconds(RetryAfter.SHORTLY));
        }
        LOG.error("{} {} failed", method, route.map(Route::template).orElse(Route.UNMATCHED), error);
        return of(route, 500, null);
    }

    private static Answer of(Optional<Route> route, ProfileException error) {
        boolean scim = shape(route) == Route.ErrorShape.SCIM;
        // SCIM answers a request it cannot carry out 400, whatever the rule (RFC 7644 section 3.12)
        int status = scim && error.reason() == ProfileException.Reason.INVALID ? 400 : statusOf(error.reason());
        String detail = switch (error.reason()) {
            // The store's message is for operators (it may name the database user or a
            // collection); the repository logged it.
            case UNAVAILABLE -> STORE_UNAVAILABLE;
            case STORE_MISCONFIGURED -> STORE_MISCONFIGURED;
            default -> error.getMessage();
        };
        Answer answer = scim ? scim(status, scimType(error), detail) : of(route, status, detail);
        if (error instanceof StoreUnavailableException transientFailure) {
            answer.header("Retry-After", RetryAfter.seconds(transientFailure.retryAfter()));
        }
        return answer;
    }

    /** {@code status} in the shape of {@code route}'s errors; {@code detail} may be {@code null}. */
    public static Answer of(Optional<Route> route, int status, String detail) {
        return switch (shape(route)) {
            case SEED -> seed(status);
            case SCIM -> scim(status, null, detail);
            case PROBLEM -> Answer.of(status, PROBLEM, problemJson(status, detail));
        };
    }

    private static Route.ErrorShape shape(Optional<Route> route) {
        return route.map(Route::errorShape).orElse(Route.ErrorShape.PROBLEM);
    }

    /** The {@code scimType} RFC 7644 names for a repository error, or {@code null} where it names none. */
    private static String scimType(ProfileException error) {
        if (error instanceof ScimException scim) {
            return scim.scimType().keyword();
        }
        return switch (error.reason()) {
            case CONFLICT -> "uniqueness";
            case INVALID -> "invalidValue";
            case MALFORMED -> "invalidSyntax";
            case READ_ONLY_FIELD -> "mutability";
            default -> null;
        };
    }

    /** SCIM's error message: its {@code status} a string, as RFC 7644 writes it; {@code scimType} and {@code detail} may be {@code null}. */
    private static Answer scim(int status, String scimType, String detail) {
        return Answer.of(status, SCIM, json(out -> {
            out.writeStartObject();
            out.writeArrayFieldStart("schemas");
            out.writeString(ScimSchemas.ERROR);
            out.writeEndArray();
            out.writeStringField("status", Integer.toString(status));
            if (scimType != null) {
                out.writeStringField("scimType", scimType);
            }
            out.writeStringField("detail", detail != null ? detail : reason(status));
            out.writeEndObject();
        }));
    }

    /** The seed's error shape, whose only detail is the reason phrase. */
    public static Answer seed(int status) {
        return Answer.of(status, "application/json", json(out -> {
            out.writeStartObject();
            out.writeStringField("status", "failure");
            out.writeObjectFieldStart("message");
            out.writeStringField("error", reason(status));
            out.writeEndObject();
            out.writeEndObject();
        }));
    }

    /** The body of an RFC 9457 problem document; {@code detail} may be {@code null}. */
    public static byte[] problemJson(int status, String detail) {
        return json(out -> {
            out.writeStartObject();
            out.writeStringField("type", "about:blank");
            out.writeStringField("title", reason(status));
            out.writeNumberField("status", status);
            if (detail != null) {
                out.writeStringField("detail", detail);
            }
            out.writeEndObject();
        });
    }

    private interface JsonWriter {
        void write(JsonGenerator out) throws IOException;
    }

    private static byte[] json(JsonWriter writer) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(128);
        try (JsonGenerator out = Json.FACTORY.createGenerator(buffer)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }
}
