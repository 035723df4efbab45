package io.profilekit.servlet.internal.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP error decided on while answering a request (a bad parameter, a body too large, a
 * method the route lacks, a caller refused), thrown to the one error path, which answers it
 * ({@link ErrorAnswers}).
 */
public final class HttpProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Map<String, String> headers = new LinkedHashMap<>();

    private HttpProblem(int status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    public static HttpProblem notFound(String detail) {
        return new HttpProblem(404, detail);
    }

    public static HttpProblem unauthorized(String detail) {
        return new HttpProblem(401, detail);
    }

    /** Something the answer needs (an identity provider, say) is out of reach until {@code retryAfter}. */
    public static HttpProblem retryLater(String detail, Duration retryAfter) {
        return new HttpProblem(503, detail).with("Retry-After", RetryAfter.seconds(retryAfter));
    }

    public static HttpProblem forbidden(String detail) {
        return new HttpProblem(403, detail);
    }

    public static HttpProblem badRequest(String detail) {
        return new HttpProblem(400, detail);
    }

    public static HttpProblem preconditionFailed(String detail) {
        return new HttpProblem(412, detail);
    }

    public static HttpProblem methodNotAllowed(String method, String allowed) {
        return new HttpProblem(405, method + " is not allowed here").with("Allow", allowed);
    }

    /** The client was too slow: the connection closes, as the rest of the body is not read. */
    public static HttpProblem requestTimeout(String detail) {
        return new HttpProblem(408, detail).with("Connection", "close");
    }

    /** The server is busy with other requests for now; the client should retry shortly. */
    public static HttpProblem unavailable(String detail) {
        return new HttpProblem(503, detail).with("Retry-After", RetryAfter.seconds(RetryAfter.SHORTLY))
                .with("Connection", "close");
    }

    public static HttpProblem tooLarge(String what, long max) {
        return new HttpProblem(413, what + " is larger than the limit of " + max + " bytes")
                .with("Connection", "close");
    }

    /** The server does not offer what the request asks for (a SCIM endpoint it does not serve). */
    public static HttpProblem notImplemented(String detail) {
        return new HttpProblem(501, detail);
    }

    public static HttpProblem notAcceptable(String detail) {
        return new HttpProblem(406, detail);
    }

    public static HttpProblem unsupportedMediaType(String detail) {
        return new HttpProblem(415, detail);
    }

    public HttpProblem with(String header, String value) {
        headers.put(header, value);
        return this;
    }

    public int status() {
        return status;
    }

    /** The headers the answer carries besides the problem itself. */
    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }
}
