/**
 * Not API: the Jetty 12 adapter: a Jetty request as profilekit's routes read it, its body read
 * as Jetty hands it over. May change in any release.
 */
package io.profilekit.servlet.internal.jetty;
