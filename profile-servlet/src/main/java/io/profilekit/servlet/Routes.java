package io.profilekit.servlet;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The route template a request matched, such as {@code /api/v1/profiles/{id}}: what the access
 * log and the metrics name, so that neither ever holds a username, an e-mail or an id.
 */
final class Routes {

    static final String UNMATCHED = "/**";

    private Routes() {
    }

    static String template(HttpServletRequest request) {
        return template(request.getServletPath(), request.getPathInfo());
    }

    static String template(String servletPath, String pathInfo) {
        return switch (servletPath) {
            case "/api/v1/id" -> "/api/v1/id/{id}";
            case "/api/v1/username" -> "/api/v1/username/{username}";
            case "/api/v1/nickname" -> "/api/v1/nickname/{nickname}";
            case "/api/v1/picture/record" -> "/api/v1/picture/record/{id}";
            case "/api/v1/picture/raw" -> "/api/v1/picture/raw/{id}";
            case "/api/v1/profiles" -> profiles(pathInfo);
            case "/healthz", "/readyz", "/metrics", "/openapi.yaml" -> servletPath;
            default -> UNMATCHED;
        };
    }

    private static String profiles(String pathInfo) {
        if (pathInfo == null || pathInfo.equals("/")) {
            return "/api/v1/profiles";
        }
        int slash = pathInfo.indexOf('/', 1);
        if (slash < 0) {
            return "/api/v1/profiles/{id}";
        }
        return pathInfo.substring(slash).equals("/picture") ? "/api/v1/profiles/{id}/picture" : UNMATCHED;
    }
}
