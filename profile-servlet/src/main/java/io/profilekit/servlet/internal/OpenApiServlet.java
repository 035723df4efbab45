package io.profilekit.servlet.internal;

import io.profilekit.servlet.internal.http.Route;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /openapi.yaml}: the OpenAPI 3.1 description of the API, as shipped in the jar. */
public final class OpenApiServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;
    static final String RESOURCE = "/io/profilekit/servlet/openapi.yaml";

    private final byte[] description;

    public OpenApiServlet() {
        try (InputStream in = OpenApiServlet.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            description = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void handle(Route route, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType("application/yaml");
        response.setContentLength(description.length);
        response.getOutputStream().write(description);
    }
}
