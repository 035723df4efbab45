package io.profilekit.servlet.internal.http;

import io.profilekit.servlet.auth.Caller;

/**
 * One request to one route, once the route and (on {@code /api/} routes) the caller are known:
 * what a route's handler works from.
 *
 * @param caller who is calling; {@code null} on routes that need no caller
 */
public record Call(Request request, Route route, Caller caller) {

    /** The request's method. */
    public String method() {
        return request.method();
    }
}
