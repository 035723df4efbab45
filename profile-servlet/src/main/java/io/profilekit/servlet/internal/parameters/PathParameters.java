package io.profilekit.servlet.internal.parameters;

import java.util.Optional;
import java.util.OptionalLong;

/** Reads the one path segment that follows a servlet's prefix ({@code /api/v1/id/<segment>}). */
public final class PathParameters {

    /** Longer values cannot name anything stored; they are refused without asking the store. */
    public static final int MAX_SEGMENT_LENGTH = 256;

    private PathParameters() {
    }

    /** The single, non-empty segment in a request's path info, if that is all there is. */
    public static Optional<String> segment(String path) {
        if (path == null || path.length() < 2 || path.length() > MAX_SEGMENT_LENGTH + 1
                || path.indexOf('/', 1) >= 0) {
            return Optional.empty();
        }
        return Optional.of(path.substring(1));
    }

    /** The segment as a record id: 1 to 18 ASCII digits, not zero. */
    public static OptionalLong recordId(String segment) {
        if (!isDigits(segment, 18)) {
            return OptionalLong.empty();
        }
        long id = Long.parseLong(segment);
        return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
    }

    /**
     * Whether {@code text} is 1 to {@code maxLength} ASCII digits and nothing else (no sign, no
     * space, no other script's digits), so that it parses as a number of that size.
     */
    public static boolean isDigits(String text, int maxLength) {
        if (text == null || text.isEmpty() || text.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
