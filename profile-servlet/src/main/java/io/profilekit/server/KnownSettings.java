package io.profilekit.server;

import io.profilekit.server.settings.ApiSettings;
import io.profilekit.server.settings.BulkSettings;
import io.profilekit.server.settings.ConfigurationException;
import io.profilekit.server.settings.DemoSettings;
import io.profilekit.server.settings.FieldSettings;
import io.profilekit.server.settings.OidcSettings;
import io.profilekit.server.settings.PictureSettings;
import io.profilekit.server.settings.Setting;
import io.profilekit.server.settings.Settings;
import io.profilekit.server.settings.StoreSettings;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every setting the jar and the WAR read, found in the settings classes' {@code Setting}
 * constants; and the check that refuses, at start, a {@code profile.*} name (or
 * {@code PROFILE_*} variable) that is none of them, with the closest known name, so that a
 * misspelt setting is never silently ignored.
 */
public final class KnownSettings {

    private static final List<Class<?>> GROUPS = List.of(ServerSettings.class, DemoSettings.class, ApiSettings.class,
            PictureSettings.class, OidcSettings.class, FieldSettings.class, StoreSettings.class, BulkSettings.class);
    private static final List<Setting> ALL = collect();

    private KnownSettings() {
    }

    /** Every setting, in the order the settings classes declare them. */
    public static List<Setting> all() {
        return ALL;
    }

    /**
     * Refuses the names in {@code settings}' sources that name no setting.
     *
     * @throws ConfigurationException naming each, with the closest known name where one is close
     */
    public static void check(Settings settings) {
        List<String> unknown = new ArrayList<>();
        for (String name : settings.names()) {
            boolean environment = !name.startsWith(Settings.PREFIX);
            Set<String> known = ALL.stream().map(setting -> environment ? setting.environmentName() : setting.name())
                    .collect(Collectors.toSet());
            if (!known.contains(name)) {
                unknown.add(name + closest(name, known).map(near -> " (did you mean " + near + "?)").orElse(""));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ConfigurationException("unknown setting" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + "; docs/configuration.md lists them all");
        }
    }

    /** The known name fewest edits away, if it is a plausible slip: at most a third of the name changed. */
    private static Optional<String> closest(String name, Set<String> known) {
        return known.stream()
                .min(Comparator.comparingInt((String candidate) -> distance(name, candidate)).thenComparing(c -> c))
                .filter(candidate -> distance(name, candidate) <= Math.max(2, name.length() / 3));
    }

    /** Levenshtein's edit distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static List<Setting> collect() {
        List<Setting> settings = new ArrayList<>();
        for (Class<?> group : GROUPS) {
            for (Field field : group.getDeclaredFields()) {
                if (field.getType() == Setting.class && Modifier.isStatic(field.getModifiers())) {
                    try {
                        settings.add((Setting) field.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException("settings are public constants: " + field, e);
                    }
                }
            }
        }
        return List.copyOf(settings);
    }
}
