package io.profilekit.server;

/**
 * How the embedded server listens.
 *
 * @param port the HTTP port; 0 picks a free one
 */
public record ServerSettings(int port) {

    public static final Setting PORT = Setting.of("profile.port", ProfileServer.DEFAULT_PORT);

    /** Reads them; a malformed one is an {@link IllegalArgumentException} saying which. */
    public static ServerSettings from(Settings settings) {
        return new ServerSettings(settings.getInt(PORT, 0, 65535));
    }
}
