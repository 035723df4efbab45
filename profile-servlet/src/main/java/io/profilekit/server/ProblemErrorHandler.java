package io.profilekit.server;

import io.profilekit.servlet.internal.http.ErrorAnswers;
import io.profilekit.servlet.internal.http.SecurityHeaders;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The embedded server's answer to errors Jetty raises itself, before any servlet runs (a
 * malformed or ambiguous URI, oversized headers): an RFC 9457 problem like every other error,
 * instead of Jetty's HTML page, and never with a stack trace. A request line with a garbage
 * version is the client's mistake like any other malformed request: 400, not Jetty's 505.
 */
final class ProblemErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message,
            Throwable cause, Callback callback) {
        if (code == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505) {
            response.setStatus(HttpStatus.BAD_REQUEST_400);
            write(response, ErrorAnswers.problemJson(HttpStatus.BAD_REQUEST_400,
                    "the request line must end with HTTP/1.0 or HTTP/1.1"), callback);
            return;
        }
        String detail = code < 500 && message != null && !message.equals(ErrorAnswers.reason(code))
                ? message
                : null;
        write(response, ErrorAnswers.problemJson(code, detail), callback);
    }

    private static void write(Response response, byte[] body, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.getHeaders().put(SecurityHeaders.CONTENT_TYPE_OPTIONS, SecurityHeaders.NOSNIFF);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
