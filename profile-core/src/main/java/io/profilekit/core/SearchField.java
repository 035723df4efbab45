package io.profilekit.core;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A field of a profile that search can match, named as the profile's JSON names it. E-mails
 * match by their local part and their domain, split into words as names are.
 */
public enum SearchField {
    NAME("name"),
    FIRST_NAME("first_name"),
    LAST_NAME("last_name"),
    USERNAME("user_id"),
    NICKNAME("nickname"),
    EMAIL("email");

    private final String jsonName;

    SearchField(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The field's name in a profile's JSON. */
    public String jsonName() {
        return jsonName;
    }

    /** The field with this JSON name, if search can match it. */
    public static Optional<SearchField> byJsonName(String name) {
        return Arrays.stream(values()).filter(field -> field.jsonName.equals(name.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /**
     * The fields these JSON names name, as a setting lists them ({@code name,user_id}).
     *
     * @throws IllegalArgumentException naming the first name search cannot match, and the ones it can
     */
    public static Set<SearchField> parse(Collection<String> jsonNames) {
        Set<SearchField> fields = EnumSet.noneOf(SearchField.class);
        for (String name : jsonNames) {
            fields.add(byJsonName(name.strip()).orElseThrow(() -> new IllegalArgumentException("'" + name
                    + "' is no field search can match; it matches " + Arrays.stream(values())
                    .map(SearchField::jsonName).collect(Collectors.joining(", ")))));
        }
        return fields;
    }
}
