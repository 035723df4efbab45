package io.profilekit.servlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP error a servlet decided on while parsing a request (a bad parameter, a body too
 * large, a method the route lacks), thrown to the servlet's error handling, which answers it.
 */
final class HttpProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Map<String, String> headers = new LinkedHashMap<>();

    HttpProblem(int status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    static HttpProblem notFound(String detail) {
        return new HttpProblem(404, detail);
    }

    static HttpProblem badRequest(String detail) {
        return new HttpProblem(400, detail);
    }

    static HttpProblem unprocessable(String detail) {
        return new HttpProblem(422, detail);
    }

    static HttpProblem preconditionFailed(String detail) {
        return new HttpProblem(412, detail);
    }

    static HttpProblem methodNotAllowed(String method, String allowed) {
        return new HttpProblem(405, method + " is not allowed here").with("Allow", allowed);
    }

    static HttpProblem tooLarge(String what, long max) {
        return new HttpProblem(413, what + " is larger than the limit of " + max + " bytes")
                .with("Connection", "close");
    }

    static HttpProblem unsupportedMediaType(String detail) {
        return new HttpProblem(415, detail);
    }

    HttpProblem with(String header, String value) {
        headers.put(header, value);
        return this;
    }

    int status() {
        return status;
    }

    void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
        headers.forEach(response::setHeader);
        ErrorResponses.write(request, response, status, getMessage());
    }
}
