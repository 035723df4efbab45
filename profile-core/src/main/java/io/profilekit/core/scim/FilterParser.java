package io.profilekit.core.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Reads the filter grammar of RFC 7644 section 3.4.2.2 by recursive descent: {@code or} binds
 * loosest, then {@code and}, then {@code not (...)}, parentheses and value filters
 * ({@code emails[type eq "work"]}). Keywords and operators are case-insensitive; strings are JSON
 * strings. Length and nesting are bounded, and every refusal is a {@link ScimException} of the
 * type the caller names, never another exception.
 */
final class FilterParser {

    static final int MAX_LENGTH = 2048;
    private static final int MAX_DEPTH = 16;

    private final String text;
    private final ScimException.Type refusal;
    private int at;
    private int depth;

    private FilterParser(String text, ScimException.Type refusal) {
        this.text = text;
        this.refusal = refusal;
    }

    /** Parses a whole filter; paths inside it are the User's attributes. */
    static Filter parse(String text, ScimException.Type refusal) {
        FilterParser parser = new FilterParser(text, refusal);
        if (text.length() > MAX_LENGTH) {
            throw parser.refuse("the filter is longer than " + MAX_LENGTH + " characters");
        }
        Filter filter = parser.or(false);
        parser.skipSpaces();
        if (parser.at < text.length()) {
            throw parser.refuse("unexpected '" + AttributePath.clip(text.substring(parser.at)) + "'");
        }
        return filter;
    }

    /**
     * Parses the value filter of a PATCH path that starts at {@code start} (just after its
     * {@code [}); its paths are sub-attributes.
     *
     * @return the filter, and where its closing {@code ]} is
     */
    static Bracketed parseBracketed(String text, int start, ScimException.Type refusal) {
        FilterParser parser = new FilterParser(text, refusal);
        parser.at = start;
        Filter filter = parser.or(true);
        parser.skipSpaces();
        if (!parser.peek(']')) {
            throw parser.refuse("a value filter must end with ']'");
        }
        return new Bracketed(filter, parser.at);
    }

    record Bracketed(Filter filter, int end) {
    }

    private Filter or(boolean relative) {
        Filter left = and(relative);
        while (keyword("or")) {
            left = new Filter.Or(left, and(relative));
        }
        return left;
    }

    private Filter and(boolean relative) {
        Filter left = unary(relative);
        while (keyword("and")) {
            left = new Filter.And(left, unary(relative));
        }
        return left;
    }

    private Filter unary(boolean relative) {
        if (++depth > MAX_DEPTH) {
            throw refuse("the filter nests deeper than " + MAX_DEPTH + " levels");
        }
        try {
            skipSpaces();
            if (keyword("not")) {
                skipSpaces();
                if (!peek('(')) {
                    throw refuse("'not' must be followed by a filter in parentheses");
                }
                return new Filter.Not(unary(relative));
            }
            if (peek('(')) {
                at++;
                Filter inner = or(relative);
                skipSpaces();
                if (!peek(')')) {
                    throw refuse("a '(' is not closed");
                }
                at++;
                return inner;
            }
            return attributeExpression(relative);
        } finally {
            depth--;
        }
    }

    private Filter attributeExpression(boolean relative) {
        int start = at;
        while (at < text.length() && isPathChar(text.charAt(at))) {
            at++;
        }
        if (start == at) {
            throw refuse(at < text.length() ? "expected an attribute at '" + AttributePath.clip(text.substring(at)) + "'"
                    : "the filter ends where an attribute was expected");
        }
        AttributePath path = AttributePath.parse(text.substring(start, at), refusal);
        if (peek('[')) {
            if (relative) {
                throw refuse("value filters do not nest");
            }
            checkMultiValued(path);
            at++;
            Filter inner = or(true);
            skipSpaces();
            if (!peek(']')) {
                throw refuse("a '[' is not closed");
            }
            at++;
            if (!peek('.')) {
                return new Filter.ValuePath(path, inner);
            }
            // emails[type eq "work"].value eq "x": a value that passes the filter and whose sub-attribute compares
            at++;
            return new Filter.ValuePath(path, new Filter.And(inner, attributeExpression(true)));
        }
        checkFilterable(path, relative);
        String operator = word();
        if (operator.equalsIgnoreCase("pr")) {
            return new Filter.Present(path);
        }
        Filter.Operator op;
        try {
            op = Filter.Operator.valueOf(operator.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw refuse("'" + AttributePath.clip(operator) + "' is no operator: use eq, ne, co, sw, ew, gt, ge, lt,"
                    + " le or pr");
        }
        if (path.isBoolean() && op != Filter.Operator.EQ && op != Filter.Operator.NE) {
            throw refuse(quoted(path) + " is true or false: compare it with eq or ne");
        }
        JsonNode value = value();
        boolean textual = value.isTextual();
        if ((op == Filter.Operator.CO || op == Filter.Operator.SW || op == Filter.Operator.EW) && !textual) {
            throw refuse(operator + " compares strings");
        }
        if (op.compareTo(Filter.Operator.GT) >= 0 && !textual && !value.isNumber()) {
            throw refuse(operator + " compares strings and numbers");
        }
        return new Filter.Compare(path, op, value);
    }

    void checkMultiValued(AttributePath path) {
        if (!path.isMultiValued() || path.sub() != null) {
            throw refuse(quoted(path) + " is no multi-valued attribute, so it takes no value filter");
        }
    }

    private void checkFilterable(AttributePath path, boolean relative) {
        if (relative) {
            if (path.schema() != null || path.sub() != null || !UserSchema.SUB_ATTRIBUTES.contains(path.name())) {
                throw refuse(quoted(path) + " is no sub-attribute of a multi-valued attribute");
            }
            return;
        }
        if (path.name() == null || !UserSchema.knows(path.schema(), path.name())) {
            throw refuse(quoted(path) + " is no attribute of a User");
        }
        if (path.schema() == null && (path.name().equals("password") || path.name().equals("meta"))) {
            throw refuse("'" + path.name() + "' cannot be filtered on");
        }
        boolean hasParts = path.isMultiValued() || UserSchema.COMPLEX.contains(path.name());
        if (path.sub() != null && (!hasParts || !UserSchema.SUB_ATTRIBUTES.contains(path.sub()))) {
            throw refuse(quoted(path) + " is no attribute of a User");
        }
    }

    /** The path in quotes, clipped, for a message. */
    private static String quoted(AttributePath path) {
        return "'" + AttributePath.clip(path.toString()) + "'";
    }

    private JsonNode value() {
        skipSpaces();
        if (peek('"')) {
            return TextNode.valueOf(string());
        }
        String word = word();
        switch (word.toLowerCase(Locale.ROOT)) {
            case "true":
                return BooleanNode.TRUE;
            case "false":
                return BooleanNode.FALSE;
            case "null":
                return NullNode.instance;
            default:
                break;
        }
        if (word.matches("-?(0|[1-9][0-9]{0,30})(\\.[0-9]{1,30})?([eE][+-]?[0-9]{1,3})?")) {
            return DecimalNode.valueOf(new BigDecimal(word));
        }
        throw refuse(word.isEmpty() ? "a comparison needs a value" : "'" + AttributePath.clip(word)
                + "' is no value: strings are in double quotes; true, false, null and numbers are bare");
    }

    /** A JSON string starting at the opening quote. */
    private String string() {
        StringBuilder out = new StringBuilder();
        at++;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (at >= text.length()) {
                break;
            }
            char escaped = text.charAt(at++);
            switch (escaped) {
                case '"', '\\', '/' -> out.append(escaped);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(unicodeEscape());
                default -> throw refuse("'\\" + escaped + "' is no escape in a string");
            }
        }
        throw refuse("a string is not closed with '\"'");
    }

    private char unicodeEscape() {
        if (at + 4 > text.length()) {
            throw refuse("a \\u escape needs four hex digits");
        }
        try {
            char c = (char) Integer.parseInt(text.substring(at, at + 4), 16);
            at += 4;
            return c;
        } catch (NumberFormatException e) {
            throw refuse("a \\u escape needs four hex digits");
        }
    }

    /** The next run of characters up to a space or bracket, after spaces. */
    private String word() {
        skipSpaces();
        int start = at;
        while (at < text.length() && " ()[]\"".indexOf(text.charAt(at)) < 0) {
            at++;
        }
        return text.substring(start, at);
    }

    /** Consumes {@code keyword} (any case) when it comes next as a whole word. */
    private boolean keyword(String keyword) {
        skipSpaces();
        int end = at + keyword.length();
        if (text.regionMatches(true, at, keyword, 0, keyword.length())
                && (end == text.length() || " (".indexOf(text.charAt(end)) >= 0)) {
            at = end;
            return true;
        }
        return false;
    }

    private boolean peek(char c) {
        return at < text.length() && text.charAt(at) == c;
    }

    private void skipSpaces() {
        while (at < text.length() && text.charAt(at) == ' ') {
            at++;
        }
    }

    private static boolean isPathChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ':' || c == '.'
                || c == '$' || c == '-' || c == '_';
    }

    private ScimException refuse(String detail) {
        return new ScimException(refusal, "the filter cannot be read: " + detail);
    }
}
