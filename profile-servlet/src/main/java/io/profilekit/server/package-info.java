/**
 * profilekit as a program: {@link io.profilekit.server.ProfileServer} runs a
 * {@link io.profilekit.servlet.ProfileApi} on embedded Jetty (embed it in your own program),
 * {@link io.profilekit.server.CommandLine} is {@code java -jar profile-server.jar} (serve, init,
 * generate, reindex), and {@link io.profilekit.server.ConfiguredApi} assembles the API from
 * settings for the jar and the WAR alike. Settings are typed: each group
 * ({@link io.profilekit.server.ServerSettings} here, the others in
 * {@link io.profilekit.server.settings}) defines its names and defaults once.
 */
package io.profilekit.server;
