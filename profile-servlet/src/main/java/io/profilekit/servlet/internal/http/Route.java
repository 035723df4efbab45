package io.profilekit.servlet.internal.http;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every route the API serves, in one table: its template (as openapi.yaml, the metrics and the
 * access log write it), the shape of its errors, the methods it answers, and whether it needs a
 * caller. Matching, servlet mappings, metric labels, error shapes, 405 answers and the tests all
 * read this table, so a route is spelled out once.
 *
 * <p>Templates name the route, never the path: metrics and logs built from them never hold a
 * username, an e-mail or an id.
 */
public enum Route {

    PROFILE_BY_ID("/api/v1/id/{id}", ErrorShape.SEED, "GET", "HEAD"),
    PROFILE_BY_USERNAME("/api/v1/username/{username}", ErrorShape.SEED, "GET", "HEAD"),
    PROFILES_BY_NICKNAME("/api/v1/nickname/{nickname}", ErrorShape.SEED, "GET", "HEAD"),
    PICTURE_RECORD("/api/v1/picture/record/{id}", ErrorShape.SEED, "GET", "HEAD"),
    PICTURE_RAW("/api/v1/picture/raw/{id}", ErrorShape.SEED, "GET", "HEAD"),
    PROFILES("/api/v1/profiles", ErrorShape.PROBLEM, "GET", "HEAD", "POST"),
    PROFILES_EXPORT("/api/v1/profiles/export", ErrorShape.PROBLEM, "GET", "HEAD"),
    PROFILE("/api/v1/profiles/{id}", ErrorShape.PROBLEM, "GET", "HEAD", "PUT", "PATCH", "DELETE"),
    PROFILE_PICTURE("/api/v1/profiles/{id}/picture", ErrorShape.PROBLEM, "GET", "HEAD", "PUT", "DELETE"),
    SEARCH("/api/v1/search", ErrorShape.PROBLEM, "GET", "HEAD"),
    ME("/api/v1/me", ErrorShape.PROBLEM, "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"),
    ME_PICTURE("/api/v1/me/picture", ErrorShape.PROBLEM, "GET", "HEAD", "PUT", "DELETE"),
    ME_EXPORT("/api/v1/me/export", ErrorShape.PROBLEM, "GET", "HEAD"),
    SCIM_USERS("/scim/v2/Users", ErrorShape.SCIM, "GET", "HEAD", "POST"),
    SCIM_USER("/scim/v2/Users/{id}", ErrorShape.SCIM, "GET", "HEAD", "PUT", "PATCH", "DELETE"),
    SCIM_SERVICE_PROVIDER_CONFIG("/scim/v2/ServiceProviderConfig", ErrorShape.SCIM, "GET", "HEAD"),
    SCIM_RESOURCE_TYPES("/scim/v2/ResourceTypes", ErrorShape.SCIM, "GET", "HEAD"),
    SCIM_RESOURCE_TYPE("/scim/v2/ResourceTypes/{id}", ErrorShape.SCIM, "GET", "HEAD"),
    SCIM_SCHEMAS("/scim/v2/Schemas", ErrorShape.SCIM, "GET", "HEAD"),
    SCIM_SCHEMA("/scim/v2/Schemas/{id}", ErrorShape.SCIM, "GET", "HEAD"),
    /** Every other SCIM endpoint ({@code /Groups}, {@code /Bulk}, {@code /Me}...): a SCIM error saying what is served. */
    SCIM_UNSUPPORTED("/scim/v2/{resource}", ErrorShape.SCIM, "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"),
    PICTURE_LINK("/pictures/{id}", ErrorShape.PROBLEM, "GET", "HEAD"),
    HEALTH("/healthz", ErrorShape.PROBLEM, "GET", "HEAD"),
    READINESS("/readyz", ErrorShape.PROBLEM, "GET", "HEAD"),
    METRICS("/metrics", ErrorShape.PROBLEM, "GET", "HEAD"),
    OPENAPI("/openapi.yaml", ErrorShape.PROBLEM, "GET", "HEAD");

    /** What metrics and logs name a request that matched no route. */
    public static final String UNMATCHED = "/**";

    /** How a route writes its errors. */
    public enum ErrorShape {
        /** The seed's {@code {"status":"failure","message":{"error":"Not Found"}}}, for its clients. */
        SEED,
        /** RFC 9457 {@code application/problem+json}. */
        PROBLEM,
        /** SCIM's error message (RFC 7644 section 3.12), {@code application/scim+json}. */
        SCIM
    }

    /** The routes each base path reaches, in table order. */
    private static final Map<String, List<Route>> BY_BASE = Arrays.stream(values())
            .collect(Collectors.groupingBy(route -> route.base, LinkedHashMap::new, Collectors.toList()));
    /** The base paths, longest first, so that {@code /api/v1/me/...} is not taken for {@code /api/v1/me}. */
    private static final List<String> BASES = BY_BASE.keySet().stream()
            .sorted((a, b) -> Integer.compare(b.length(), a.length())).toList();

    private final String template;
    /** The segments of the template after its base path: {@code {id}}, {@code picture}. */
    private final String[] rest;
    /** The template up to its first parameter: {@code /api/v1/profiles}, or the whole template. */
    private final String base;
    private final String mapping;
    private final ErrorShape errorShape;
    private final Set<String> methods;
    private final String allow;

    Route(String template, ErrorShape errorShape, String... methods) {
        this.template = template;
        int firstParameter = template.indexOf("/{");
        this.base = firstParameter < 0 ? template : template.substring(0, firstParameter);
        this.rest = firstParameter < 0 ? new String[0] : template.substring(firstParameter + 1).split("/");
        this.mapping = firstParameter < 0 ? template : base + "/*";
        this.errorShape = errorShape;
        this.methods = Set.of(methods);
        this.allow = String.join(", ", methods);
    }

    /** The template, such as {@code /api/v1/profiles/{id}}. */
    public String template() {
        return template;
    }

    /** The servlet URL pattern that reaches the route: {@code /api/v1/profiles/*}, or the path itself. */
    public String mapping() {
        return mapping;
    }

    /** Whether the route answers only callers an authenticator knows: every {@code /api/} and {@code /scim/} route. */
    public boolean needsCaller() {
        return needsCaller(base);
    }

    /** Whether a path, matched by a route or not, needs a caller: every one under {@code /api/} and {@code /scim/}. */
    public static boolean needsCaller(String path) {
        return path.startsWith("/api/") || path.startsWith("/scim/");
    }

    /** Whether the route is one of SCIM's. */
    public boolean isScim() {
        return errorShape == ErrorShape.SCIM;
    }

    public ErrorShape errorShape() {
        return errorShape;
    }

    /** Whether the route answers {@code method}. */
    public boolean allows(String method) {
        return methods.contains(method);
    }

    /** The {@code Allow} header of a 405 on this route. */
    public String allow() {
        return allow;
    }

    /**
     * The route for a path below profilekit's mount point, such as {@code /api/v1/profiles/42}.
     * Among the routes whose base path the path starts with, the one whose template matches the
     * whole path; when none does, the base's only route (so {@code /api/v1/id/a/b} still belongs
     * to the seed's id lookup, which answers it with the seed's 404); otherwise none.
     */
    public static Optional<Route> of(String path) {
        for (String candidate : BASES) {
            if (path.startsWith(candidate)
                    && (path.length() == candidate.length() || path.charAt(candidate.length()) == '/')) {
                return of(BY_BASE.get(candidate), path.substring(candidate.length()));
            }
        }
        return Optional.empty();
    }

    private static Optional<Route> of(List<Route> reached, String rest) {
        if (reached.size() == 1) {
            // the hot path: one lookup, nothing parsed; a route without parameters is its path alone
            Route only = reached.get(0);
            return only.rest.length > 0 || rest.isEmpty() ? Optional.of(only) : Optional.empty();
        }
        String remainder = rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
        for (Route route : reached) {
            if (route.matches(remainder)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    /** The template of the route for a path, or {@link #UNMATCHED}. */
    public static String template(String path) {
        return of(path).map(Route::template).orElse(UNMATCHED);
    }

    /** The part of {@code path} after this route's base path: {@code /42/picture} of {@code /api/v1/profiles/42/picture}. */
    public String rest(String path) {
        return path.length() <= base.length() ? "" : path.substring(base.length());
    }

    /** Whether a path info ({@code /42/picture}, no trailing slash) fits the rest of the template. */
    private boolean matches(String pathInfo) {
        int at = 0;
        for (String segment : rest) {
            if (at >= pathInfo.length() || pathInfo.charAt(at) != '/') {
                return false;
            }
            int end = pathInfo.indexOf('/', at + 1);
            end = end < 0 ? pathInfo.length() : end;
            boolean fits = segment.startsWith("{")
                    ? end > at + 1
                    : end - at - 1 == segment.length() && pathInfo.startsWith(segment, at + 1);
            if (!fits) {
                return false;
            }
            at = end;
        }
        return at == pathInfo.length();
    }
}
