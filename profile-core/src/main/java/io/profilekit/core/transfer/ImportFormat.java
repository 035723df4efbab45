package io.profilekit.core.transfer;

import io.profilekit.core.InvalidProfileException;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileJson;
import io.profilekit.core.scim.ScimUsers;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The files an import reads, and how one of their records becomes a profile. */
public enum ImportFormat {

    /** profilekit's own export ({@link ProfileExport}): one profile document per line; round-trips exactly. */
    NDJSON {
        @Override
        Profile profile(byte[] record) {
            if (PictureLines.is(record)) {
                throw new InvalidProfileException("a picture line must follow its profile's line");
            }
            return ProfileJson.fromJson(record);
        }
    },
    /** Auth0's user export job (NDJSON) or the JSON array its import job takes. */
    AUTH0 {
        @Override
        Profile profile(byte[] record) {
            return ForeignUsers.auth0(ForeignUsers.object(record));
        }
    },
    /** A Keycloak realm export, or a partial one ({@code realm-users-N.json}): its {@code users}. */
    KEYCLOAK {
        @Override
        Profile profile(byte[] record) {
            return ForeignUsers.keycloak(ForeignUsers.object(record));
        }
    },
    /** SCIM 2.0 User resources, as a JSON array or NDJSON ({@link ScimUsers} has the mapping). */
    SCIM {
        @Override
        Profile profile(byte[] record) {
            return ScimUsers.fromJson(record);
        }
    };

    /**
     * The profile a record describes.
     *
     * @throws io.profilekit.core.InvalidProfileException when it describes none
     */
    abstract Profile profile(byte[] record);

    /** The format named {@code name} ({@code ndjson}, {@code auth0}, {@code keycloak}, {@code scim}), in any case. */
    public static ImportFormat parse(String name) {
        for (ImportFormat format : values()) {
            if (format.name().equalsIgnoreCase(name)) {
                return format;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is no import format; use one of " + names());
    }

    /** The formats' names, as {@link #parse} takes them. */
    public static String names() {
        return Arrays.stream(values()).map(format -> format.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
