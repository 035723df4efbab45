package io.profilekit.core.scim;

/**
 * An attribute path of RFC 7644 section 3.10: {@code [schema-URN ":"] name ["." sub]}, such as
 * {@code name.familyName} or
 * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager}. Names are kept in
 * the RFC's spelling ({@link UserSchema#spelling}).
 *
 * @param schema the extension's URN, or {@code null} for the core User schema (or a sub-attribute
 *     path inside a value filter)
 * @param name the attribute, or {@code null} when the path names a whole extension
 * @param sub the sub-attribute, or {@code null}
 */
record AttributePath(String schema, String name, String sub) {

    private static final int MAX_LENGTH = 300;

    /** Parses {@code text}, refusing with {@code type} what is no attribute path. */
    static AttributePath parse(String text, ScimException.Type type) {
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            throw new ScimException(type, "'" + clip(text) + "' is no attribute path");
        }
        String schema = null;
        String rest = text;
        if (text.regionMatches(true, 0, "urn:", 0, 4)) {
            if (text.equalsIgnoreCase(ScimSchemas.ENTERPRISE_USER)) {
                return new AttributePath(ScimSchemas.ENTERPRISE_USER, null, null);
            }
            int colon = text.lastIndexOf(':');
            schema = UserSchema.schema(text.substring(0, colon));
            rest = text.substring(colon + 1);
        }
        int dot = rest.indexOf('.');
        String name = dot < 0 ? rest : rest.substring(0, dot);
        String sub = dot < 0 ? null : rest.substring(dot + 1);
        if (!isName(name) || sub != null && !isName(sub)) {
            throw new ScimException(type, "'" + clip(text) + "' is no attribute path");
        }
        return new AttributePath(schema, UserSchema.spelling(name), sub == null ? null : UserSchema.spelling(sub));
    }

    /** ATTRNAME of RFC 7644: a letter, then letters, digits, '-' or '_'; or {@code $ref}. */
    private static boolean isName(String text) {
        if (text.equals("$ref")) {
            return true;
        }
        if (text.isEmpty() || !isAsciiLetter(text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '-' && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** At most 60 characters of {@code text}, for a message. */
    static String clip(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }

    boolean isMultiValued() {
        return schema == null && UserSchema.MULTI_VALUED.contains(name);
    }

    /** Whether the path's last name is a boolean attribute. */
    boolean isBoolean() {
        return UserSchema.BOOLEANS.contains(sub != null ? sub : name);
    }

    /** Whether string values at this path compare case-exactly. */
    boolean isCaseExact() {
        return UserSchema.CASE_EXACT.contains(sub != null ? sub : name);
    }

    @Override
    public String toString() {
        String path = (schema == null ? "" : schema + (name == null ? "" : ":")) + (name == null ? "" : name);
        return sub == null ? path : path + "." + sub;
    }
}
