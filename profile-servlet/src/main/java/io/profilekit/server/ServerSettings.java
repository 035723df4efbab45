package io.profilekit.server;

/**
 * How the embedded server runs, and the demo store it fills when no database is configured.
 *
 * @param port the HTTP port; 0 picks a free one
 * @param demoProfiles how many generated profiles fill the in-memory store
 * @param demoPictures whether each demo profile gets a generated picture
 */
public record ServerSettings(int port, int demoProfiles, boolean demoPictures) {

    public static final Setting PORT = Setting.of("profile.port", ProfileServer.DEFAULT_PORT);
    public static final Setting DEMO_PROFILES = Setting.of("profile.demo.profiles", 1000);
    public static final Setting DEMO_PICTURES = Setting.of("profile.demo.pictures", true);

    /** Reads them; a malformed one is an {@link IllegalArgumentException} saying which. */
    public static ServerSettings from(Settings settings) {
        return new ServerSettings(settings.getInt(PORT, 0, 65535), settings.getInt(DEMO_PROFILES, 0, 10_000_000),
                settings.getBoolean(DEMO_PICTURES));
    }
}
