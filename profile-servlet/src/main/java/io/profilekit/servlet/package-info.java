/**
 * profilekit's HTTP API for integrators: {@link io.profilekit.servlet.ProfileApi} serves the
 * seed-compatible routes (those of the Python service profilekit replaces, "the seed"), the
 * resource API, pictures, health and metrics, with the limits of
 * {@link io.profilekit.servlet.ApiLimits} and an {@link io.profilekit.servlet.auth.Authenticator}
 * of your choice; from any servlet container ({@code ProfileApi.register}, under a prefix of your
 * choice) or from Jetty directly ({@link io.profilekit.servlet.ProfileHandler}).
 *
 * <p>Every route is written once, against neither: the adapters only turn a request into
 * profilekit's and write its answer, without blocking. The servlet adapter uses the servlet API
 * alone, never a container's own classes, so it runs unchanged in Tomcat and Jetty. To run the
 * API on embedded Jetty, see {@code io.profilekit.server.ProfileServer}.
 */
package io.profilekit.servlet;
