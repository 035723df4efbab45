package io.profilekit.server;

import java.time.Duration;

/**
 * The embedded server's defaults, which {@link ProfileServer}'s builder starts from and
 * {@link ServerSettings} documents: apart from the server's class, so that knowing a setting's
 * name and default (as the WAR must, to refuse misspelt ones) never loads Jetty, which the WAR
 * leaves to its container.
 */
final class ServerDefaults {

    static final int PORT = 8080;
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);
    static final Duration HEADER_TIMEOUT = Duration.ofSeconds(10);
    static final int MIN_BODY_RATE = 1024;

    private ServerDefaults() {
    }
}
