package io.profilekit.server.settings;

import io.profilekit.core.FieldVisibility;
import io.profilekit.core.SearchField;
import io.profilekit.core.SearchQuery;
import java.util.List;
import java.util.Set;

/**
 * Which fields signed-in people see of others' profiles, which they may not change in their
 * own, and which fields search matches.
 */
public final class FieldSettings {

    public static final Setting PUBLIC = Setting.of("profile.fields.public",
            String.join(",", FieldVisibility.DEFAULT_PUBLIC_FIELDS));
    public static final Setting READ_ONLY = Setting.of("profile.fields.read-only",
            String.join(",", FieldVisibility.DEFAULT_READ_ONLY_FIELDS));

    public static final Setting SEARCH = Setting.of("profile.search.fields",
            String.join(",", SearchQuery.DEFAULT_FIELDS.stream().sorted().map(SearchField::jsonName).toList()));

    private FieldSettings() {
    }

    /** Reads them: comma-separated JSON field names, each list replacing its default whole. */
    public static FieldVisibility from(Settings settings) {
        return new FieldVisibility(Set.copyOf(names(settings, PUBLIC)), Set.copyOf(names(settings, READ_ONLY)));
    }

    /**
     * What services' searches match (people's: those of them that are public).
     *
     * @throws ConfigurationException naming a field search cannot match
     */
    public static Set<SearchField> searchFields(Settings settings) {
        try {
            return SearchField.parse(names(settings, SEARCH));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(SEARCH.name() + ": " + e.getMessage());
        }
    }

    private static List<String> names(Settings settings, Setting setting) {
        List<String> names = settings.getList(setting.name());
        return names.isEmpty() ? List.of(setting.defaultValue().split(",")) : names;
    }
}
