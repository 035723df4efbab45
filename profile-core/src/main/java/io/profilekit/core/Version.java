package io.profilekit.core;

/**
 * The version of a stored profile or picture: it changes on every write, so a client that
 * read version {@code v} can ask for a write "only if the document is still at {@code v}"
 * and never overwrite someone else's change unknowingly. Over HTTP it is the entity tag.
 *
 * <p>On Couchbase it is the document's CAS; in memory, a store-wide counter. Treat it as
 * opaque: only equality matters.
 *
 * @param value the raw version number, compared as an unsigned 64-bit value
 */
public record Version(long value) {

    /** Parses the text form written by {@link #toString()}; throws on anything else. */
    public static Version parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 16) {
            throw new IllegalArgumentException("not a version: " + text);
        }
        try {
            return new Version(Long.parseUnsignedLong(text, 16));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a version: " + text, e);
        }
    }

    /** The version as lower-case hexadecimal, the form used in entity tags. */
    @Override
    public String toString() {
        return Long.toHexString(value);
    }
}
