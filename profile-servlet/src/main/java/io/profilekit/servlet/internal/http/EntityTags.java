package io.profilekit.servlet.internal.http;

import io.profilekit.core.Version;
import io.profilekit.servlet.internal.parameters.PathParameters;
import java.util.ArrayList;
import java.util.List;

/**
 * Entity tags (RFC 9110): a stored version as a strong tag, {@code "1a2b3c"}, or one
 * representation or variant of it, {@code "1a2b3c-1767225600"}, and the conditions of
 * {@code If-Match} and {@code If-None-Match}.
 */
public final class EntityTags {

    /** Caches may keep an answer but must ask again before each use: profiles change. */
    public static final String REVALIDATE = "private, no-cache";

    private EntityTags() {
    }

    /** The validators of an answer whose entity tag is {@code tag}: the tag, and revalidation before reuse. */
    public static Answer withValidators(Answer answer, String tag) {
        return answer.header("ETag", tag).header("Cache-Control", REVALIDATE);
    }

    /** A 304 for a request whose {@code If-None-Match} names {@code tag}. */
    public static Answer notModified(String tag) {
        return withValidators(Answer.of(304), tag);
    }

    /** The strong entity tag of a version. */
    public static String of(Version version) {
        return "\"" + version + "\"";
    }

    /** The strong entity tag of one variant of a version: {@code "<version>-<suffix>"}. */
    public static String of(Version version, String suffix) {
        return "\"" + version + "-" + suffix + "\"";
    }

    /**
     * The strong entity tag of one representation of a version, {@code "<version>-<digits>"}:
     * a profile answer whose {@code picture_url} expires at {@code representation} (seconds).
     * {@code If-Match} takes it for its version, since the stored profile is the same.
     */
    public static String of(Version version, long representation) {
        return of(version, Long.toString(representation));
    }

    /**
     * What an {@code If-Match} header asks for.
     *
     * @param present whether the request has the header at all
     * @param any whether it is {@code *}: any current version
     * @param versions the versions it names
     */
    public record Condition(boolean present, boolean any, List<Version> versions) {

        public static final Condition NONE = new Condition(false, false, List.of());

        /** Whether the current version satisfies the condition (strong comparison). */
        public boolean matches(Version current) {
            return any || versions.contains(current);
        }
    }

    /**
     * Parses {@code If-Match}: {@code *}, or a list of tags. Weak tags and tags that are none of
     * ours never match (strong comparison: octet by octet, so {@code "1A"} is not {@code "1a"}),
     * so a header of only those fails every write.
     */
    public static Condition ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return Condition.NONE;
        }
        if (header.trim().equals("*")) {
            return new Condition(true, true, List.of());
        }
        List<Version> versions = new ArrayList<>();
        for (String tag : header.split(",")) {
            String value = tag.trim();
            if (value.length() > 2 && value.startsWith("\"") && value.endsWith("\"")) {
                String inner = value.substring(1, value.length() - 1);
                int dash = inner.indexOf('-');
                String suffix = dash < 0 ? "" : inner.substring(dash + 1);
                try {
                    Version version = Version.parse(dash < 0 ? inner : inner.substring(0, dash));
                    if (of(version).equals(value) || PathParameters.isDigits(suffix, 19) && of(version, suffix).equals(value)) {
                        versions.add(version);
                    }
                } catch (IllegalArgumentException foreign) {
                    // a tag we never issued: it matches nothing
                }
            }
        }
        return new Condition(true, false, List.copyOf(versions));
    }

    /** Whether {@code If-None-Match} matches {@code current} (weak comparison, as GET uses). */
    public static boolean noneMatchMatches(String header, Version current) {
        return noneMatchMatches(header, of(current));
    }

    /** Whether {@code If-None-Match} matches the entity tag {@code ours} (weak comparison). */
    public static boolean noneMatchMatches(String header, String ours) {
        if (header == null || header.isBlank()) {
            return false;
        }
        if (header.trim().equals("*")) {
            return true;
        }
        for (String tag : header.split(",")) {
            String value = tag.trim();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.equals(ours)) {
                return true;
            }
        }
        return false;
    }
}
