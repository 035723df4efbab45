package io.profilekit.core.spi;

import io.profilekit.core.Profile;
import io.profilekit.core.SearchField;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A profile's words by searchable field ({@link SearchText}), and how well they match a
 * search: what stores index, and what every store ranks by, so that search answers alike
 * whatever the store. Held as one compact string ({@link #packed()}), since an in-memory index
 * keeps one per profile.
 */
public final class SearchableWords {

    /** The tier of an exact username or nickname: the best. */
    public static final int EXACT = 0;
    /** The tier of a profile where every word searched for is a whole word. */
    public static final int WHOLE_WORDS = 1;
    /** The tier of a profile where every word searched for starts a word. */
    public static final int PREFIXES = 2;
    /** What {@link #tier} answers for a profile that does not match. */
    public static final int NO_MATCH = -1;

    private static final SearchField[] FIELDS = SearchField.values();
    private static final char WORD_END = ' ';
    private static final char FIELD_END = '\n';

    /** Each field's words, in {@link SearchField} order, each word followed by a space and each field by a newline. */
    private final String packed;

    private SearchableWords(String packed) {
        this.packed = packed;
    }

    /** The searchable words of {@code profile}. */
    public static SearchableWords of(Profile profile) {
        StringBuilder packed = new StringBuilder(64);
        for (SearchField field : FIELDS) {
            for (String word : SearchText.words(valueOf(profile, field))) {
                packed.append(word).append(WORD_END);
            }
            packed.append(FIELD_END);
        }
        return new SearchableWords(packed.toString());
    }

    /** Words kept as {@link #packed()} gave them. */
    public static SearchableWords unpack(String packed) {
        return new SearchableWords(packed);
    }

    /** The words as one compact string, for {@link #unpack}. */
    public String packed() {
        return packed;
    }

    private static String valueOf(Profile profile, SearchField field) {
        return switch (field) {
            case NAME -> profile.name();
            case FIRST_NAME -> profile.firstName();
            case LAST_NAME -> profile.lastName();
            case USERNAME -> profile.userId();
            case NICKNAME -> profile.nickname();
            case EMAIL -> profile.email();
        };
    }

    /** The words of one field, in order. */
    public List<String> words(SearchField field) {
        int start = fieldStart(field);
        List<String> words = new ArrayList<>(2);
        for (int at = start; packed.charAt(at) != FIELD_END; ) {
            int end = packed.indexOf(WORD_END, at);
            words.add(packed.substring(at, end));
            at = end + 1;
        }
        return words;
    }

    /** Every distinct word of every searchable field: what an index keys the profile by. */
    public Set<String> allWords() {
        Set<String> all = new LinkedHashSet<>();
        for (SearchField field : FIELDS) {
            all.addAll(words(field));
        }
        return all;
    }

    /**
     * How well this profile matches {@code query}'s words in {@code fields}: {@link #EXACT},
     * {@link #WHOLE_WORDS}, {@link #PREFIXES}, or {@link #NO_MATCH} when some word starts no
     * word of those fields.
     */
    public int tier(List<String> query, Set<SearchField> fields) {
        for (String word : query) {
            if (!packed.contains(word)) {
                return NO_MATCH; // the common answer, found without walking the fields
            }
        }
        boolean whole = true;
        for (String word : query) {
            int found = NO_MATCH;
            for (SearchField field : fields) {
                int inField = match(word, fieldStart(field));
                if (inField == WHOLE_WORDS) {
                    found = WHOLE_WORDS;
                    break;
                }
                if (inField == PREFIXES) {
                    found = PREFIXES;
                }
            }
            if (found == NO_MATCH) {
                return NO_MATCH;
            }
            whole &= found == WHOLE_WORDS;
        }
        if (!whole) {
            return PREFIXES;
        }
        return exactly(query, fields, SearchField.USERNAME) || exactly(query, fields, SearchField.NICKNAME)
                ? EXACT : WHOLE_WORDS;
    }

    /** {@link #WHOLE_WORDS} if {@code word} is a word of the field starting at {@code at}, {@link #PREFIXES} if it starts one. */
    private int match(String word, int at) {
        int found = NO_MATCH;
        while (packed.charAt(at) != FIELD_END) {
            int end = packed.indexOf(WORD_END, at);
            if (packed.startsWith(word, at)) {
                if (end - at == word.length()) {
                    return WHOLE_WORDS;
                }
                found = PREFIXES;
            }
            at = end + 1;
        }
        return found;
    }

    private boolean exactly(List<String> query, Set<SearchField> fields, SearchField field) {
        return fields.contains(field) && words(field).equals(query);
    }

    private int fieldStart(SearchField field) {
        int at = 0;
        for (int i = 0; i < field.ordinal(); i++) {
            at = packed.indexOf(FIELD_END, at) + 1;
        }
        return at;
    }
}
