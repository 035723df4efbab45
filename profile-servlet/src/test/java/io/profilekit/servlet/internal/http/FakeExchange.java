package io.profilekit.servlet.internal.http;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request and a response for the HTTP helpers' own tests, without a container: the request
 * answers the few calls the helpers make, the response records what they write.
 */
final class FakeExchange {

    final Map<String, String> requestHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final Map<String, String> responseHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final ByteArrayOutputStream responseBody = new ByteArrayOutputStream();
    String servletPath = "/api/v1/profiles";
    String pathInfo;
    long contentLength = -1;
    final Map<String, Object> requestAttributes = new HashMap<>();
    InputStream body = InputStream.nullInputStream();
    int status = 200;
    String contentType;

    HttpServletRequest request() {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getServletPath" -> servletPath;
                    case "getPathInfo" -> pathInfo;
                    case "getHeader" -> requestHeaders.get((String) args[0]);
                    case "getContentLengthLong" -> contentLength;
                    case "getAttribute" -> requestAttributes.get((String) args[0]);
                    case "setAttribute" -> requestAttributes.put((String) args[0], args[1]);
                    case "getInputStream" -> input();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    HttpServletResponse response() {
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setStatus" -> status = (Integer) args[0];
                        case "setContentType" -> contentType = (String) args[0];
                        case "setContentLength" -> responseHeaders.put("Content-Length", String.valueOf(args[0]));
                        case "setHeader" -> responseHeaders.put((String) args[0], (String) args[1]);
                        case "setIntHeader" -> responseHeaders.put((String) args[0], String.valueOf(args[1]));
                        case "getOutputStream" -> {
                            return output();
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
    }

    String responseText() {
        return responseBody.toString(StandardCharsets.UTF_8);
    }

    private ServletInputStream input() {
        return new ServletInputStream() {
            @Override
            public int read() throws IOException {
                return body.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return body.read(buffer, offset, length);
            }

            @Override
            public boolean isFinished() {
                return false;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private ServletOutputStream output() {
        return new ServletOutputStream() {
            @Override
            public void write(int b) {
                responseBody.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
