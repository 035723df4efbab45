package io.profilekit.server.settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads profilekit's settings by name, from the first source that has a non-blank value:
 * system property {@code profile.x.y}, then environment variable {@code PROFILE_X_Y}, then
 * (in a WAR) the servlet context parameter {@code profile.x.y}.
 *
 * <p>Immutable; {@link #withFallback} returns a new instance with one more source.
 */
public final class Settings {

    /** Where values come from: a setting's value for its name ({@code profile.x.y}), or {@code null}. */
    @FunctionalInterface
    public interface Source {
        String get(String name);

        /**
         * The names of profilekit's settings this source holds, as it writes them
         * ({@code profile.x.y}, or {@code PROFILE_X_Y} for the environment), so that a misspelt
         * one is found; empty when it cannot list them.
         */
        default Set<String> names() {
            return Set.of();
        }

        /** A source that lists {@code names}, and reads each through {@code get}. */
        static Source listing(Source get, Supplier<? extends Collection<String>> names) {
            return new Source() {
                @Override
                public String get(String name) {
                    return get.get(name);
                }

                @Override
                public Set<String> names() {
                    return Set.copyOf(names.get());
                }
            };
        }
    }

    /** How the names of profilekit's settings start: {@code profile.x.y}, or {@code PROFILE_X_Y} in the environment. */
    public static final String PREFIX = "profile.";
    private static final String ENVIRONMENT_PREFIX = "PROFILE_";

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)");

    private final List<Source> sources;

    private Settings(List<Source> sources) {
        this.sources = List.copyOf(sources);
    }

    /** System properties, then environment variables. */
    public static Settings fromSystem() {
        return of(Source.listing(System::getProperty, () -> System.getProperties().stringPropertyNames().stream()
                        .filter(name -> name.startsWith(PREFIX)).toList()),
                Source.listing(name -> System.getenv(environmentName(name)), () -> System.getenv().keySet().stream()
                        .filter(name -> name.startsWith(ENVIRONMENT_PREFIX)).toList()));
    }

    /** Settings read from the given sources in order. */
    public static Settings of(Source... sources) {
        return new Settings(List.of(sources));
    }

    /** These settings, then {@code source} for names none of them has. */
    public Settings withFallback(Source source) {
        List<Source> all = new ArrayList<>(sources);
        all.add(Objects.requireNonNull(source, "source"));
        return new Settings(all);
    }

    /** Every name of a setting the sources list (see {@link Source#names}). */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        for (Source source : sources) {
            names.addAll(source.names());
        }
        return names;
    }

    /** The environment variable for a setting: {@code profile.db.bucket} is {@code PROFILE_DB_BUCKET}. */
    public static String environmentName(String name) {
        return Setting.of(name).environmentName();
    }

    /** The setting's value, trimmed; empty when no source has a non-blank one. */
    public Optional<String> get(String name) {
        for (Source source : sources) {
            String value = source.get(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.trim());
            }
        }
        return Optional.empty();
    }

    /** The setting's value, or its default ({@code null} when it has none). */
    public String get(Setting setting) {
        return get(setting.name(), setting.defaultValue());
    }

    /** The setting as an integer within {@code [min, max]}, or its default. */
    public int getInt(Setting setting, int min, int max) {
        return getInt(setting.name(), Integer.parseInt(setting.defaultValue()), min, max);
    }

    /** The setting as true or false (see {@link #getBoolean(String, boolean)}), or its default. */
    public boolean getBoolean(Setting setting) {
        return getBoolean(setting.name(), Boolean.parseBoolean(setting.defaultValue()));
    }

    /** The setting as a duration (see {@link #getDuration(String, Duration)}), or its default. */
    public Duration getDuration(Setting setting) {
        return getDuration(setting.name(), parseDuration(setting.defaultValue())
                .orElseThrow(() -> new IllegalStateException(setting + " has no duration as its default")));
    }

    /** A duration as settings write it: {@code 2500ms}, {@code 10s}, {@code 2m}, {@code 7d}. */
    public static String format(Duration duration) {
        if (duration.toMillis() % 86_400_000 == 0) {
            return duration.toDays() + "d";
        }
        if (duration.toMillis() % 60_000 == 0) {
            return duration.toMinutes() + "m";
        }
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }

    /** The setting's value, or {@code defaultValue}. */
    public String get(String name, String defaultValue) {
        return get(name).orElse(defaultValue);
    }

    /**
     * The setting as an integer within {@code [min, max]}, or {@code defaultValue} when unset.
     *
     * @throws ConfigurationException saying which setting is wrong and what it must be
     */
    public int getInt(String name, int defaultValue, int min, int max) {
        Optional<String> text = get(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the setting's name
        }
        throw new ConfigurationException(name + " must be a whole number from " + min + " to "
                + max + ", not '" + text.get() + "'");
    }

    /**
     * The setting as a duration written with its unit ({@code 2500ms}, {@code 10s}, {@code 2m},
     * {@code 12h}, {@code 7d}), or {@code defaultValue} when unset.
     *
     * @throws ConfigurationException saying which setting is wrong and what it must be
     */
    public Duration getDuration(String name, Duration defaultValue) {
        Optional<String> text = get(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        Optional<Duration> value = parseDuration(text.get());
        if (value.isPresent()) {
            return value.get();
        }
        throw new ConfigurationException(name + " must be a positive duration such as 2500ms, 10s or 2m, not '"
                + text.get() + "'");
    }

    private static Optional<Duration> parseDuration(String text) {
        Matcher duration = DURATION.matcher(text);
        if (!duration.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(duration.group(1));
        Duration value = switch (duration.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        return value.isZero() ? Optional.empty() : Optional.of(value);
    }

    /**
     * The setting as true ({@code true}, {@code yes}, {@code on}, {@code 1}) or false
     * ({@code false}, {@code no}, {@code off}, {@code 0}), any case; {@code defaultValue} when unset.
     *
     * @throws ConfigurationException saying which setting is wrong
     */
    public boolean getBoolean(String name, boolean defaultValue) {
        Optional<String> text = get(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        switch (text.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1", "y", "t" -> {
                return true;
            }
            case "false", "no", "off", "0", "n", "f" -> {
                return false;
            }
            default -> throw new ConfigurationException(name + " must be true or false, not '" + text.get() + "'");
        }
    }

    /** The setting as a comma-separated list of non-blank, trimmed items. */
    public List<String> getList(String name) {
        List<String> items = new ArrayList<>();
        get(name).ifPresent(text -> {
            for (String item : text.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
        });
        return List.copyOf(items);
    }
}
