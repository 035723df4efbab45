package io.profilekit.core.scim;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What profilekit knows of the SCIM User schema and its enterprise extension (RFC 7643 sections
 * 4.1 and 4.3): the attribute names as the RFC spells them (names are case-insensitive, section
 * 2.1), which are multi-valued, boolean or compared case-exactly.
 */
final class UserSchema {

    static final Set<String> CORE = Set.of("id", "externalId", "meta", "userName", "name", "displayName",
            "nickName", "profileUrl", "title", "userType", "preferredLanguage", "locale", "timezone", "active",
            "password", "emails", "phoneNumbers", "ims", "photos", "addresses", "groups", "entitlements", "roles",
            "x509Certificates");
    static final Set<String> ENTERPRISE = Set.of("employeeNumber", "costCenter", "organization", "division",
            "department", "manager");
    static final Set<String> SUB_ATTRIBUTES = Set.of("value", "display", "type", "primary", "$ref", "formatted",
            "familyName", "givenName", "middleName", "honorificPrefix", "honorificSuffix", "streetAddress",
            "locality", "region", "postalCode", "country", "displayName", "resourceType", "created",
            "lastModified", "location", "version");
    static final Set<String> MULTI_VALUED = Set.of("emails", "phoneNumbers", "ims", "photos", "addresses", "groups",
            "entitlements", "roles", "x509Certificates");
    /** Complex attributes that hold one value: an object of sub-attributes. */
    static final Set<String> COMPLEX = Set.of("name", "meta", "manager");
    static final Set<String> BOOLEANS = Set.of("active", "primary");
    /** Attributes whose values compare case-exactly; every other string compares ignoring case. */
    static final Set<String> CASE_EXACT = Set.of("id", "externalId", "$ref", "password");

    private static final Map<String, String> SPELLINGS = new HashMap<>();

    static {
        for (Set<String> names : java.util.List.of(CORE, ENTERPRISE, SUB_ATTRIBUTES)) {
            names.forEach(name -> SPELLINGS.put(name.toLowerCase(Locale.ROOT), name));
        }
    }

    private UserSchema() {
    }

    /** The RFC's spelling of an attribute or sub-attribute name, or {@code name} itself when it is none of them. */
    static String spelling(String name) {
        return SPELLINGS.getOrDefault(name.toLowerCase(Locale.ROOT), name);
    }

    /** The schema URN as profilekit keys it: the core User's as {@code null}, the enterprise one as the RFC spells it. */
    static String schema(String urn) {
        if (urn == null || urn.equalsIgnoreCase(ScimSchemas.USER)) {
            return null;
        }
        return urn.equalsIgnoreCase(ScimSchemas.ENTERPRISE_USER) ? ScimSchemas.ENTERPRISE_USER : urn;
    }

    /** Whether {@code name} (as spelt by {@link #spelling}) is an attribute of {@code schema} that profilekit keeps. */
    static boolean knows(String schema, String name) {
        if (schema == null) {
            return CORE.contains(name);
        }
        return schema.equals(ScimSchemas.ENTERPRISE_USER) ? ENTERPRISE.contains(name) : true;
    }
}
