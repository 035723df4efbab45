package io.profilekit.server.settings;

/**
 * What fills the in-memory store when no database is configured.
 *
 * @param profiles how many generated profiles
 * @param pictures whether each gets a generated picture
 */
public record DemoSettings(int profiles, boolean pictures) {

    public static final Setting PROFILES = Setting.of("profile.demo.profiles", 1000);
    public static final Setting PICTURES = Setting.of("profile.demo.pictures", true);

    /** Reads them; a malformed one is a {@link ConfigurationException} saying which. */
    public static DemoSettings from(Settings settings) {
        return new DemoSettings(settings.getInt(PROFILES, 0, 10_000_000), settings.getBoolean(PICTURES));
    }
}
