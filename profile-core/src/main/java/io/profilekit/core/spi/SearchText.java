package io.profilekit.core.spi;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How search sees text, the same for every store: lower-cased, accents removed (Unicode NFKD
 * with combining marks dropped, and the few Latin letters NFKD leaves whole, such as ø, æ, ß
 * and ł, spelt as ASCII the way Couchbase's {@code asciifolding} filter spells them), then
 * split into words at every character that is neither a letter nor a digit. So "José
 * Müller-Søren" has the words {@code jose}, {@code muller} and {@code soren}, and
 * "ada.lovelace@example.com" the words {@code ada}, {@code lovelace}, {@code example} and
 * {@code com}.
 */
public final class SearchText {

    private SearchText() {
    }

    /** The words of {@code text}, in order; empty when it has no letter or digit. */
    public static List<String> words(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String folded = fold(text);
        List<String> words = new ArrayList<>(4);
        int start = -1;
        for (int i = 0; i < folded.length(); ) {
            int codePoint = folded.codePointAt(i);
            boolean inWord = Character.isLetterOrDigit(codePoint);
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                words.add(folded.substring(start, i));
                start = -1;
            }
            i += Character.charCount(codePoint);
        }
        if (start >= 0) {
            words.add(folded.substring(start));
        }
        return words;
    }

    /** {@code text} lower-cased and without accents, not yet split. */
    public static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean ascii = lower.chars().allMatch(c -> c < 0x80);
        if (ascii) {
            return lower;
        }
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int codePoint = decomposed.codePointAt(i);
            i += Character.charCount(codePoint);
            int type = Character.getType(codePoint);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK) {
                continue;
            }
            String spelt = asciiSpelling(codePoint);
            if (spelt != null) {
                out.append(spelt);
            } else {
                out.appendCodePoint(Character.toLowerCase(codePoint));
            }
        }
        return out.toString();
    }

    /** The ASCII spelling of a lower-case Latin letter that NFKD does not decompose. */
    private static String asciiSpelling(int codePoint) {
        return switch (codePoint) {
            case 'ø' -> "o";
            case 'æ' -> "ae";
            case 'œ' -> "oe";
            case 'ß' -> "ss";
            case 'đ', 'ð' -> "d";
            case 'ł' -> "l";
            case 'þ' -> "th";
            case 'ı' -> "i";
            case 'ħ' -> "h";
            default -> null;
        };
    }
}
