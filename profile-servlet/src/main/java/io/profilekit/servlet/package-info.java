/**
 * profilekit's HTTP API for integrators: {@link io.profilekit.servlet.ProfileApi} registers the
 * seed-compatible routes (those of the Python service profilekit replaces, "the seed"), the
 * resource API, health and metrics in any servlet container, with the limits of
 * {@link io.profilekit.servlet.ApiLimits} and an
 * {@link io.profilekit.servlet.auth.Authenticator} of your choice.
 *
 * <p>The servlets only adapt HTTP to the repository: they parse the request, call the
 * repository and write the answer. They use the servlet API alone, never a container's own
 * classes, so they run unchanged in Tomcat and Jetty. To run them on embedded Jetty, see
 * {@code io.profilekit.server.ProfileServer}.
 */
package io.profilekit.servlet;
