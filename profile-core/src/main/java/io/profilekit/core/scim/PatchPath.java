package io.profilekit.core.scim;

/**
 * The {@code path} of a PATCH operation (RFC 7644 section 3.5.2): an attribute path, optionally
 * with a value filter and a sub-attribute after it, such as {@code emails[type eq "work"].value}.
 *
 * @param attribute the attribute (with no sub-attribute when {@code filter} is set)
 * @param filter which values of a multi-valued attribute the operation applies to, or {@code null}
 * @param sub the sub-attribute after the filter, or {@code null}
 */
record PatchPath(AttributePath attribute, Filter filter, String sub) {

    static PatchPath parse(String text) {
        int bracket = text.indexOf('[');
        if (bracket < 0) {
            return new PatchPath(AttributePath.parse(text, ScimException.Type.INVALID_PATH), null, null);
        }
        AttributePath attribute = AttributePath.parse(text.substring(0, bracket), ScimException.Type.INVALID_PATH);
        if (!attribute.isMultiValued() || attribute.sub() != null) {
            throw invalid(text, "only a multi-valued attribute takes a value filter");
        }
        FilterParser.Bracketed bracketed = FilterParser.parseBracketed(text, bracket + 1,
                ScimException.Type.INVALID_PATH);
        String rest = text.substring(bracketed.end() + 1);
        if (rest.isEmpty()) {
            return new PatchPath(attribute, bracketed.filter(), null);
        }
        String sub = rest.startsWith(".") ? UserSchema.spelling(rest.substring(1)) : "";
        if (!UserSchema.SUB_ATTRIBUTES.contains(sub)) {
            throw invalid(text, "'" + AttributePath.clip(rest) + "' is no sub-attribute");
        }
        return new PatchPath(attribute, bracketed.filter(), sub);
    }

    private static ScimException invalid(String text, String detail) {
        return new ScimException(ScimException.Type.INVALID_PATH,
                "the path '" + AttributePath.clip(text) + "' cannot be read: " + detail);
    }
}
