package io.profilekit.server.settings;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * One setting: the name it is read by ({@code profile.x.y}, or one of the seed's
 * {@code COUCHBASE_*} variables) and its default as docs/configuration.md writes it. The
 * settings classes hold each as a constant, so a name and its default are written once.
 *
 * @param name the system property and context parameter name
 * @param defaultValue the default, or {@code null} when there is none or it is derived
 */
public record Setting(String name, String defaultValue) {

    /** A setting with no default of its own. */
    public static Setting of(String name) {
        return new Setting(name, null);
    }

    /** A setting with a default. */
    public static Setting of(String name, Object defaultValue) {
        return new Setting(name, String.valueOf(defaultValue));
    }

    /**
     * Runs {@code configure}, which hands this setting's value to the library it configures:
     * the library checks it, and its refusal becomes a {@link ConfigurationException} naming
     * this setting, so no bound is written twice.
     */
    public <T> T apply(Supplier<T> configure) {
        try {
            return configure.get();
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(name + ": " + e.getMessage(), e);
        }
    }

    /** The environment variable: {@code profile.db.bucket} is {@code PROFILE_DB_BUCKET}. */
    public String environmentName() {
        return name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
