package io.profilekit.server.settings;

import io.profilekit.core.FieldVisibility;
import java.util.List;
import java.util.Set;

/** Which fields signed-in people see of others' profiles, and which they may not change in their own. */
public final class FieldSettings {

    public static final Setting PUBLIC = Setting.of("profile.fields.public",
            String.join(",", FieldVisibility.DEFAULT_PUBLIC_FIELDS));
    public static final Setting READ_ONLY = Setting.of("profile.fields.read-only",
            String.join(",", FieldVisibility.DEFAULT_READ_ONLY_FIELDS));

    private FieldSettings() {
    }

    /** Reads them: comma-separated JSON field names, each list replacing its default whole. */
    public static FieldVisibility from(Settings settings) {
        return new FieldVisibility(Set.copyOf(names(settings, PUBLIC)), Set.copyOf(names(settings, READ_ONLY)));
    }

    private static List<String> names(Settings settings, Setting setting) {
        List<String> names = settings.getList(setting.name());
        return names.isEmpty() ? List.of(setting.defaultValue().split(",")) : names;
    }
}
