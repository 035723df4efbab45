package io.profilekit.server;

import io.profilekit.server.settings.Setting;
import io.profilekit.server.settings.Settings;
import java.time.Duration;

/**
 * How the embedded server listens, and how long it waits for slow clients.
 *
 * @param port the HTTP port; 0 picks a free one
 * @param idleTimeout how long a connection may stay silent, mid-request or between requests
 * @param headerTimeout how long a request's line and headers may take to arrive
 * @param minBodyRate the fewest bytes a second a request body must arrive at; 0 for no minimum
 */
public record ServerSettings(int port, Duration idleTimeout, Duration headerTimeout, int minBodyRate) {

    public static final Setting PORT = Setting.of("profile.port", ServerDefaults.PORT);
    public static final Setting IDLE_TIMEOUT = Setting.of("profile.http.idle-timeout",
            Settings.format(ServerDefaults.IDLE_TIMEOUT));
    public static final Setting HEADER_TIMEOUT = Setting.of("profile.http.header-timeout",
            Settings.format(ServerDefaults.HEADER_TIMEOUT));
    public static final Setting MIN_BODY_RATE = Setting.of("profile.http.min-body-rate",
            ServerDefaults.MIN_BODY_RATE);

    private static final int MOST_MIN_BODY_RATE = 1 << 30;

    /** Reads them; a malformed one is a {@link io.profilekit.server.settings.ConfigurationException} saying which. */
    public static ServerSettings from(Settings settings) {
        return new ServerSettings(settings.getInt(PORT, 0, 65535), settings.getDuration(IDLE_TIMEOUT),
                settings.getDuration(HEADER_TIMEOUT), settings.getInt(MIN_BODY_RATE, 0, MOST_MIN_BODY_RATE));
    }

    /** A server builder listening as these settings say. */
    public ProfileServer.Builder applyTo(ProfileServer.Builder builder) {
        return builder.port(port).idleTimeout(idleTimeout).headerTimeout(headerTimeout).minBodyRate(minBodyRate);
    }
}
