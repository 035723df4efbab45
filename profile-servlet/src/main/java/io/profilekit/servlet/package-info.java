/**
 * Jakarta servlets over {@link io.profilekit.core.ProfileRepository}: the seed-compatible read
 * API, the resource API, health and metrics; {@link io.profilekit.servlet.ProfileApi} registers
 * them in any servlet container, and {@link io.profilekit.servlet.ProfileServer} runs them on
 * embedded Jetty.
 *
 * <p>Servlets here only adapt HTTP to the repository: they parse the request, call the
 * repository and write the answer. They use the servlet API alone, never a container's own
 * classes, so they run unchanged in Tomcat and Jetty.
 */
package io.profilekit.servlet;
