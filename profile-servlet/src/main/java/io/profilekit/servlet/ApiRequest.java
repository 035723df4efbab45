package io.profilekit.servlet;

import java.util.List;

/**
 * A request to profilekit's API as an {@link io.profilekit.servlet.auth.Authenticator} sees it,
 * whatever server carries it (a servlet container, or Jetty directly): its method, its path
 * below where profilekit is mounted, and its headers.
 */
public interface ApiRequest {

    /** The method, such as {@code GET}. */
    String method();

    /** The path below where profilekit is mounted, such as {@code /api/v1/profiles/42}, decoded. */
    String path();

    /** The first value of the header, or {@code null} when the request has none; names ignore case. */
    String header(String name);

    /** Every value of the header, in order; empty when the request has none. */
    List<String> headers(String name);
}
