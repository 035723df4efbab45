package io.profilekit.servlet.internal.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.profilekit.core.ProfileException;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.internal.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

/**
 * Writes error answers in the two shapes the API speaks: the seed's
 * ({@code {"status":"failure","message":{"error":"Not Found"}}}) on the seed-compatible routes,
 * and RFC 9457 {@code application/problem+json} everywhere else. Neither ever carries a stack
 * trace, a secret or a class name.
 */
public final class ErrorResponses {

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

    private ErrorResponses() {
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

    public static String reason(int status) {
        return REASONS.getOrDefault(status, "Error");
    }

    /** Whether errors on this request's route take the seed's shape. */
    private static boolean isSeedRoute(HttpServletRequest request) {
        return Route.of(request).map(Route::errorShape).orElse(Route.ErrorShape.PROBLEM) == Route.ErrorShape.SEED;
    }

    /**
     * Writes {@code status} in the shape of the request's route; on a request whose body is not
     * read to its end ({@link RequestBodies#unread}), with {@code Connection: close}: the
     * container closes such a connection once the answer is sent, unless the rest arrives at
     * once, and saying so keeps a client from sending its next request on it.
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, int status,
            String detail) throws IOException {
        if (RequestBodies.unread(request)) {
            response.setHeader("Connection", "close");
        }
        if (isSeedRoute(request)) {
            seed(response, status);
        } else {
            problem(response, status, detail);
        }
    }

    /** Writes a problem a servlet or filter decided on, with its headers, in the shape of the request's route. */
    public static void write(HttpServletRequest request, HttpServletResponse response, HttpProblem problem)
            throws IOException {
        problem.headers().forEach(response::setHeader);
        write(request, response, problem.status(), problem.getMessage());
    }

    /** Writes the answer to a repository error in the shape of the request's route. */
    public static void write(HttpServletRequest request, HttpServletResponse response, ProfileException error)
            throws IOException {
        int status = statusOf(error.reason());
        if (error instanceof StoreUnavailableException unavailable
                && error.reason() == ProfileException.Reason.UNAVAILABLE) {
            // The store's message is for operators (it may name the database user or a
            // collection); the repository logged it.
            response.setHeader("Retry-After", retryAfter(unavailable.retryAfter()));
            write(request, response, status, STORE_UNAVAILABLE);
            return;
        }
        if (error instanceof StoreUnavailableException contended) {
            response.setHeader("Retry-After", retryAfter(contended.retryAfter()));
        }
        write(request, response, status, error.reason() == ProfileException.Reason.STORE_MISCONFIGURED
                ? STORE_MISCONFIGURED : error.getMessage());
    }

    /** A {@code Retry-After} value: whole seconds, rounded up, at least one. */
    public static String retryAfter(Duration wait) {
        long millis = Math.max(1, wait.toMillis());
        return Long.toString(Math.max(1, (millis + 999) / 1000));
    }

    /** The seed's error shape, whose only detail is the reason phrase. */
    public static void seed(HttpServletResponse response, int status) throws IOException {
        byte[] body = json(out -> {
            out.writeStartObject();
            out.writeStringField("status", "failure");
            out.writeObjectFieldStart("message");
            out.writeStringField("error", reason(status));
            out.writeEndObject();
            out.writeEndObject();
        });
        send(response, status, "application/json", body);
    }

    /** An RFC 9457 problem document. */
    private static void problem(HttpServletResponse response, int status, String detail) throws IOException {
        send(response, status, "application/problem+json", problemJson(status, detail));
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

    private static void send(HttpServletResponse response, int status, String contentType, byte[] body)
            throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(body.length);
        SecurityHeaders.set(response);
        response.getOutputStream().write(body);
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
