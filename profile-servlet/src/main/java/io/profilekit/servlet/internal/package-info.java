/**
 * Not API: profilekit's HTTP API behind one call, whatever server carries it: the pipeline
 * ({@link io.profilekit.servlet.internal.ApiHandler}: request ids, CORS, routes, callers,
 * access, errors, meters), its assembly, and the operators' routes. May change in any release.
 */
package io.profilekit.servlet.internal;
