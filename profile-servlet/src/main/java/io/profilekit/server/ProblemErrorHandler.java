package io.profilekit.server;

import io.profilekit.servlet.internal.http.ErrorResponses;
import io.profilekit.servlet.internal.http.SecurityHeaders;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The embedded server's answer to errors Jetty raises itself, before any servlet runs (a
 * malformed or ambiguous URI, oversized headers): an RFC 9457 problem like every other error,
 * instead of Jetty's HTML page, and never with a stack trace.
 */
final class ProblemErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message,
            Throwable cause, Callback callback) {
        String detail = code < 500 && message != null && !message.equals(ErrorResponses.reason(code))
                ? message
                : null;
        byte[] body = ErrorResponses.problemJson(code, detail);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.getHeaders().put(SecurityHeaders.CONTENT_TYPE_OPTIONS, SecurityHeaders.NOSNIFF);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
