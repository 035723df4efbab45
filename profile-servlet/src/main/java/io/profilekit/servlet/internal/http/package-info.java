/**
 * HTTP helpers of the servlets, each tested without a container: the route table
 * ({@link io.profilekit.servlet.internal.http.Route}), error and JSON answers, entity tags,
 * path, query and body parsing. <strong>Not API:</strong> anything here may change in any
 * release.
 */
package io.profilekit.servlet.internal.http;
