package io.profilekit.core;

import io.profilekit.core.spi.SearchText;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to search for: profiles that match every word of {@code text} as the start of a word in
 * one of {@code fields}, case and accents aside ({@code jose} finds José, {@code muller}
 * Müller), at most {@code limit} of them, best first.
 *
 * <pre>{@code
 * List<StoredProfile> found = repository.search(SearchQuery.of("lol arm"));
 * }</pre>
 *
 * <p>Best first means: an exact username or nickname, then profiles where every word of the
 * text is a whole word, then the rest; ties in ascending record id order.
 *
 * @param text what was typed: 1 to {@value #MAX_TEXT_LENGTH} characters with at least one letter or digit
 * @param limit the most profiles to answer, 1 to {@value #MAX_LIMIT}
 * @param fields the fields to match; a caller who may not see a field must not search it
 */
public record SearchQuery(String text, int limit, Set<SearchField> fields) {

    /** The most profiles one search answers. */
    public static final int MAX_LIMIT = 50;
    /** How many profiles a search answers when no limit is asked for. */
    public static final int DEFAULT_LIMIT = 10;
    /** The longest text a search takes, in UTF-16 characters. */
    public static final int MAX_TEXT_LENGTH = 100;
    /** The fields searched unless told otherwise: who someone is and how to reach them. */
    public static final Set<SearchField> DEFAULT_FIELDS =
            Set.copyOf(EnumSet.of(SearchField.NAME, SearchField.USERNAME, SearchField.NICKNAME, SearchField.EMAIL));

    /**
     * @throws IllegalArgumentException when the text is empty, too long or has no letter or
     *     digit, the limit is out of range, or no field is given; the message says which
     */
    public SearchQuery {
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("the search text is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        if (SearchText.words(text).isEmpty()) {
            throw new IllegalArgumentException("the search text has no letter or digit to search for");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("the search limit must be between 1 and " + MAX_LIMIT);
        }
        if (fields == null || fields.isEmpty()) {
            throw new IllegalArgumentException("a search needs at least one field to match");
        }
        fields = Set.copyOf(EnumSet.copyOf(fields));
    }

    /** The first {@value #DEFAULT_LIMIT} matches of {@code text} in the default fields. */
    public static SearchQuery of(String text) {
        return new SearchQuery(text, DEFAULT_LIMIT, DEFAULT_FIELDS);
    }

    public SearchQuery withLimit(int value) {
        return new SearchQuery(text, value, fields);
    }

    public SearchQuery withFields(Set<SearchField> value) {
        return new SearchQuery(text, limit, value);
    }

    /** The text's words, lower-cased and without accents: what is matched. */
    public List<String> words() {
        return SearchText.words(text);
    }
}
