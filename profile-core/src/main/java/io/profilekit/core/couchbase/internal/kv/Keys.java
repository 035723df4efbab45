package io.profilekit.core.couchbase.internal.kv;

import io.profilekit.core.InvalidProfileException;
import java.nio.charset.StandardCharsets;

/**
 * The document keys: the seed's ({@code user_data:<id>}, {@code user_images:<id>},
 * {@code service_auth:1}) and profilekit's own lookup and counter documents, whose prefixes
 * can never be taken for the seed's.
 */
public final class Keys {

    /** The prefix of every profile key; listing statements select on it. */
    public static final String PROFILE_PREFIX = "user_data:";
    public static final String IMAGE_PREFIX = "user_images:";
    public static final String SERVICE_AUTH = "service_auth:1";
    public static final String COUNTER = "counter::user_data";
    /** A profile key no profile has (record ids start at 1): what readiness reads. */
    public static final String NO_PROFILE = PROFILE_PREFIX + 0;

    private static final String USERNAME_PREFIX = "lookup::user_id::";
    private static final String NICKNAME_PREFIX = "lookup::nickname::";
    private static final int MAX_KEY_BYTES = 250;

    private Keys() {
    }

    public static String profile(long recordId) {
        return PROFILE_PREFIX + recordId;
    }

    public static String image(long pictureId) {
        return IMAGE_PREFIX + pictureId;
    }

    /** The record id in a profile key, or -1 when the key is no profile's. */
    public static long recordIdOf(String key) {
        if (!key.startsWith(PROFILE_PREFIX)) {
            return -1;
        }
        try {
            return Long.parseLong(key.substring(PROFILE_PREFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public static String username(String username) {
        return bounded(USERNAME_PREFIX + username, "user_id");
    }

    public static String nickname(String nickname) {
        return bounded(NICKNAME_PREFIX + nickname, "nickname");
    }

    private static String bounded(String key, String field) {
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw new InvalidProfileException(field + " is too long");
        }
        return key;
    }
}
