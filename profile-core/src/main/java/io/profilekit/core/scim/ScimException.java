package io.profilekit.core.scim;

import io.profilekit.core.InvalidProfileException;

/**
 * A SCIM request that cannot be carried out as sent: a filter, path, PATCH operation or value
 * that RFC 7644 refuses with 400, with the {@code scimType} keyword it names ({@link #scimType()})
 * so that an identity provider can tell them apart. Its reason is
 * {@link io.profilekit.core.ProfileException.Reason#MALFORMED}: outside SCIM it is a plain 400.
 */
public final class ScimException extends InvalidProfileException {

    private static final long serialVersionUID = 1L;

    /** RFC 7644's {@code scimType} keywords (section 3.12) that profilekit answers. */
    public enum Type {
        /** The filter is not well-formed or names what cannot be filtered. */
        INVALID_FILTER("invalidFilter"),
        /** The filter matches more than the server examines for one request. */
        TOO_MANY("tooMany"),
        /** The body is no SCIM message of the kind the route takes. */
        INVALID_SYNTAX("invalidSyntax"),
        /** A PATCH path is not well-formed or names no attribute. */
        INVALID_PATH("invalidPath"),
        /** A PATCH path's filter selects nothing to remove. */
        NO_TARGET("noTarget"),
        /** A value is missing, of the wrong type, or breaks a rule. */
        INVALID_VALUE("invalidValue"),
        /** The request changes an attribute that cannot change ({@code id}). */
        MUTABILITY("mutability");

        private final String keyword;

        Type(String keyword) {
            this.keyword = keyword;
        }

        /** The keyword as RFC 7644 spells it, such as {@code invalidFilter}. */
        public String keyword() {
            return keyword;
        }
    }

    private final Type type;

    public ScimException(Type type, String message) {
        super(Reason.MALFORMED, message, null);
        this.type = type;
    }

    /** The {@code scimType} of the SCIM error that answers this. */
    public Type scimType() {
        return type;
    }
}
