/**
 * Not API: the HTTP values every route and adapter shares, each tested without a server: the
 * request and the answer, the route table ({@link io.profilekit.servlet.internal.http.Route}),
 * the one writer of error answers, JSON answers, entity tags, body reads. May change in any
 * release.
 */
package io.profilekit.servlet.internal.http;
