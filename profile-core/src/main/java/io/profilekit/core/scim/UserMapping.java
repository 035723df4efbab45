package io.profilekit.core.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.profilekit.core.FieldVisibility;
import io.profilekit.core.Profile;
import io.profilekit.core.internal.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mapping between a SCIM User and a profile (docs/scim.md has its table). The profile's own
 * fields hold what they can: {@code userName} is {@code user_id}, {@code displayName} is
 * {@code name}, {@code nickName} is {@code nickname}, {@code name.givenName} and
 * {@code familyName} are {@code first_name} and {@code last_name}, the primary (else the first)
 * e-mail, phone number and address are {@code email}, {@code phone} and
 * {@code address}/{@code city}/{@code state}/{@code zip_code}. Everything else the User carries
 * ({@code externalId}, the other e-mails, the enterprise extension...) is kept as it came in the
 * profile's {@code scim} attribute, but {@code password}, which is never kept. {@code active} is
 * the profile's {@code active} attribute ({@link FieldVisibility#DEACTIVATED}), which every view
 * of a deactivated person shows.
 */
final class UserMapping {

    /** The profile attribute that holds what of a User has no profile field. */
    static final String ATTRIBUTE = "scim";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Members of a User that the profile's fields hold, or that are never kept. */
    private static final Set<String> NOT_KEPT = Set.of("schemas", "id", "meta", "password", "userName",
            "displayName", "nickName");

    /** Kept members that {@link #view} writes merged with the profile's fields. */
    private static final Set<String> MAPPED = Set.of("name", "emails", "phoneNumbers", "addresses");

    private UserMapping() {
    }

    /** The profile as a SCIM User, without {@code meta}. */
    static ObjectNode view(Profile profile) {
        ObjectNode kept = kept(profile);
        ObjectNode user = NODES.objectNode();
        ArrayNode schemas = user.putArray("schemas").add(ScimSchemas.USER);
        kept.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("urn:")) {
                schemas.add(name);
            }
        });
        if (profile.recordId() != null) {
            user.put("id", Long.toString(profile.recordId()));
        }
        copy(kept, user, "externalId");
        putText(user, "userName", profile.userId());
        ObjectNode name = kept.get("name") instanceof ObjectNode keptName ? keptName : NODES.objectNode();
        putText(name, "givenName", profile.firstName());
        putText(name, "familyName", profile.lastName());
        if (!name.isEmpty()) {
            user.set("name", name);
        }
        putText(user, "displayName", profile.name());
        putText(user, "nickName", profile.nickname());
        putValues(user, "emails", withPrimary(kept.get("emails"), value(profile.email())));
        putValues(user, "phoneNumbers", withPrimary(kept.get("phoneNumbers"), value(profile.phone())));
        Map<String, String> address = new LinkedHashMap<>();
        address.put("streetAddress", profile.address());
        address.put("locality", profile.city());
        address.put("region", profile.state());
        address.put("postalCode", profile.zipCode());
        putValues(user, "addresses", withPrimary(kept.get("addresses"), address));
        user.put("active", !Boolean.FALSE.equals(profile.attributes().get(FieldVisibility.DEACTIVATED)));
        kept.fields().forEachRemaining(member -> {
            if (!user.has(member.getKey()) && !MAPPED.contains(member.getKey())) {
                user.set(member.getKey(), member.getValue());
            }
        });
        return user;
    }

    /**
     * The profile a User describes: {@code base} (the stored profile, or an empty one) with every
     * mapped field set from {@code user}, absent ones cleared, and the rest of {@code user} kept.
     *
     * @throws ScimException {@code invalidValue} when {@code user} has no {@code userName} or an
     *     attribute of the wrong type
     */
    static Profile profile(ObjectNode user, Profile base) {
        Profile.Builder profile = base.toBuilder();
        String userName = text(user, "userName");
        if (userName == null || userName.isBlank()) {
            throw new ScimException(ScimException.Type.INVALID_VALUE, "a User needs a userName");
        }
        profile.userId(userName).name(text(user, "displayName")).nickname(text(user, "nickName"));
        JsonNode name = object(user, "name");
        profile.firstName(text(name, "givenName")).lastName(text(name, "familyName"));
        profile.email(text(primary(values(user, "emails")), "value"));
        profile.phone(text(primary(values(user, "phoneNumbers")), "value"));
        JsonNode address = primary(values(user, "addresses"));
        profile.address(text(address, "streetAddress")).city(text(address, "locality"))
                .state(text(address, "region")).zipCode(text(address, "postalCode"));
        ObjectNode kept = user.deepCopy();
        NOT_KEPT.forEach(kept::remove);
        if (kept.get("name") instanceof ObjectNode keptName) {
            keptName.remove(List.of("givenName", "familyName"));
            if (keptName.isEmpty()) {
                kept.remove("name");
            }
        }
        JsonNode active = kept.remove("active");
        if (active != null && !active.isBoolean() && !active.isNull()) {
            throw new ScimException(ScimException.Type.INVALID_VALUE, "active must be true or false");
        }
        if (active != null && active.isBoolean()) {
            profile.attribute(FieldVisibility.DEACTIVATED, active.booleanValue());
        } else {
            profile.removeAttribute(FieldVisibility.DEACTIVATED);
        }
        if (kept.isEmpty()) {
            profile.removeAttribute(ATTRIBUTE);
        } else {
            profile.attribute(ATTRIBUTE, Json.MAPPER.convertValue(kept, Map.class));
        }
        return profile.build();
    }

    private static ObjectNode kept(Profile profile) {
        Object kept = profile.attributes().get(ATTRIBUTE);
        return kept instanceof Map<?, ?> ? Json.MAPPER.valueToTree(kept) : NODES.objectNode();
    }

    /**
     * {@code stored}'s values with the primary one (else the first) holding {@code fields}: a
     * field that is {@code null} is removed from it, and the value itself when nothing but its
     * type and primary flag is left; a new primary value of type {@code work} when none was kept.
     */
    private static ArrayNode withPrimary(JsonNode stored, Map<String, String> fields) {
        ArrayNode values = stored instanceof ArrayNode array ? array.deepCopy() : NODES.arrayNode();
        int index = primaryIndex(values);
        boolean any = fields.values().stream().anyMatch(value -> value != null);
        if (index < 0) {
            if (any) {
                ObjectNode value = values.addObject().put("type", "work");
                fields.forEach((field, text) -> putText(value, field, text));
                value.put("primary", true);
            }
            return values;
        }
        ObjectNode primary = (ObjectNode) values.get(index);
        fields.forEach((field, text) -> putText(primary, field, text));
        List<String> rest = new ArrayList<>();
        primary.fieldNames().forEachRemaining(rest::add);
        rest.removeAll(List.of("type", "primary", "display"));
        if (!any && rest.isEmpty()) {
            values.remove(index);
        }
        return values;
    }

    private static int primaryIndex(ArrayNode values) {
        int first = -1;
        for (int i = 0; i < values.size(); i++) {
            JsonNode value = values.get(i);
            if (value.isObject()) {
                if (value.path("primary").asBoolean(false)) {
                    return i;
                }
                first = first < 0 ? i : first;
            }
        }
        return first;
    }

    /** The primary value of a multi-valued attribute, else its first; {@code null} when it has none. */
    private static JsonNode primary(ArrayNode values) {
        int index = primaryIndex(values);
        return index < 0 ? null : values.get(index);
    }

    /** A multi-valued attribute's values, each an object. */
    private static ArrayNode values(JsonNode user, String attribute) {
        JsonNode values = user.get(attribute);
        if (values == null || values.isNull()) {
            return NODES.arrayNode();
        }
        if (!values.isArray()) {
            throw new ScimException(ScimException.Type.INVALID_VALUE, attribute + " must be an array");
        }
        for (JsonNode value : values) {
            if (!value.isObject()) {
                throw new ScimException(ScimException.Type.INVALID_VALUE, "each of " + attribute + " must be an object");
            }
        }
        return (ArrayNode) values;
    }

    private static JsonNode object(JsonNode user, String attribute) {
        JsonNode value = user.get(attribute);
        if (value != null && !value.isObject() && !value.isNull()) {
            throw new ScimException(ScimException.Type.INVALID_VALUE, attribute + " must be an object");
        }
        return value;
    }

    /** A string member of {@code node}; {@code null} when it, or the member, is absent or null. */
    private static String text(JsonNode node, String member) {
        JsonNode value = node == null ? null : node.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new ScimException(ScimException.Type.INVALID_VALUE, member + " must be a string");
        }
        return value.asText();
    }

    private static void putText(ObjectNode node, String member, String value) {
        if (value == null) {
            node.remove(member);
        } else {
            node.put(member, value);
        }
    }

    private static void putValues(ObjectNode user, String attribute, ArrayNode values) {
        if (!values.isEmpty()) {
            user.set(attribute, values);
        }
    }

    private static void copy(ObjectNode from, ObjectNode to, String member) {
        if (from.has(member)) {
            to.set(member, from.get(member));
        }
    }

    /** The fields of a value whose {@code value} is {@code text}, which may be {@code null}. */
    private static Map<String, String> value(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("value", text);
        return fields;
    }

    /**
     * {@code user} with every member name in the RFC's spelling ({@code username} becomes
     * {@code userName}), and the booleans that providers send as strings ({@code "False"}) as
     * booleans.
     *
     * @throws ScimException {@code invalidSyntax} when two members differ only in case
     */
    static ObjectNode canonical(ObjectNode user) {
        ObjectNode out = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = user.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey().startsWith("urn:") || field.getKey().startsWith("URN:")
                    ? schemaKey(field.getKey()) : UserSchema.spelling(field.getKey());
            if (out.has(name)) {
                throw new ScimException(ScimException.Type.INVALID_SYNTAX, "the User has " + name + " twice");
            }
            out.set(name, canonicalValue(name, field.getValue()));
        }
        return out;
    }

    private static String schemaKey(String urn) {
        String schema = UserSchema.schema(urn);
        return schema == null ? ScimSchemas.USER : schema;
    }

    static JsonNode canonicalValue(String name, JsonNode value) {
        if (UserSchema.BOOLEANS.contains(name) && value.isTextual()) {
            String text = value.asText();
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return BooleanNode.valueOf(text.equalsIgnoreCase("true"));
            }
        }
        if (value instanceof ObjectNode object) {
            return canonical(object);
        }
        if (value instanceof ArrayNode array) {
            ArrayNode out = NODES.arrayNode();
            array.forEach(element -> out.add(canonicalValue(name, element)));
            return out;
        }
        return value;
    }
}
