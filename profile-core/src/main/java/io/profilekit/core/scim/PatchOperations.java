package io.profilekit.core.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies a SCIM PATCH request (RFC 7644 section 3.5.2) to a User, as identity providers send
 * it: {@code op} in any case ({@code Replace}); booleans as strings ({@code "False"}); no
 * {@code path} and a {@code value} object whose members are themselves paths
 * ({@code {"name.givenName": "Ann"}}); value-filtered paths
 * ({@code emails[type eq "work"].value}), which add the value when none matches; extension URN
 * paths; a single complex value sent as a one-element array (Entra's {@code manager}). Complex
 * attributes merge their sub-attributes; multi-valued ones are replaced or added to.
 */
final class PatchOperations {

    private enum Op { ADD, REPLACE, REMOVE }

    private PatchOperations() {
    }

    /** Applies every operation of {@code body} to {@code user}, in order. */
    static void apply(ObjectNode user, JsonNode body) {
        if (!body.isObject()) {
            throw syntax("a PATCH body is a JSON object with an Operations array");
        }
        JsonNode operations = Filter.field(body, "Operations");
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw syntax("a PATCH body needs an Operations array with at least one operation");
        }
        for (JsonNode operation : operations) {
            if (!operation.isObject()) {
                throw syntax("each operation is a JSON object with op, and path or value");
            }
            apply(user, op(operation), Filter.field(operation, "path"), Filter.field(operation, "value"));
        }
    }

    private static Op op(JsonNode operation) {
        JsonNode op = Filter.field(operation, "op");
        if (op != null && op.isTextual()) {
            switch (op.asText().toLowerCase(Locale.ROOT)) {
                case "add":
                    return Op.ADD;
                case "replace":
                    return Op.REPLACE;
                case "remove":
                    return Op.REMOVE;
                default:
                    break;
            }
        }
        throw syntax("each operation's op is add, replace or remove");
    }

    private static void apply(ObjectNode user, Op op, JsonNode path, JsonNode value) {
        if (path != null && !path.isNull() && !(path.isTextual() && path.asText().isBlank())) {
            if (!path.isTextual()) {
                throw new ScimException(ScimException.Type.INVALID_PATH, "an operation's path is a string");
            }
            at(user, op, PatchPath.parse(path.asText().strip()), value);
            return;
        }
        if (op == Op.REMOVE) {
            throw new ScimException(ScimException.Type.NO_TARGET, "remove needs a path");
        }
        if (value == null || !value.isObject()) {
            throw new ScimException(ScimException.Type.INVALID_VALUE,
                    "an operation without a path needs an object value, whose members it sets");
        }
        for (Iterator<Map.Entry<String, JsonNode>> members = value.fields(); members.hasNext(); ) {
            Map.Entry<String, JsonNode> member = members.next();
            at(user, op, PatchPath.parse(member.getKey()), member.getValue());
        }
    }

    private static void at(ObjectNode user, Op op, PatchPath path, JsonNode given) {
        AttributePath attribute = path.attribute();
        if (attribute.name() == null) {
            wholeExtension(user, op, given);
            return;
        }
        if (attribute.schema() == null && !checkSettable(user, op, attribute, given)) {
            return;
        }
        if (op != Op.REMOVE && given == null) {
            throw new ScimException(ScimException.Type.INVALID_VALUE, "a " + op.name().toLowerCase(Locale.ROOT)
                    + " of " + attribute + " needs a value");
        }
        ObjectNode container = container(user, attribute.schema(), op != Op.REMOVE);
        if (container == null) {
            return;
        }
        String last = path.sub() != null ? path.sub() : attribute.sub() != null ? attribute.sub() : attribute.name();
        JsonNode value = given == null ? null : UserMapping.canonicalValue(last, given);
        if (path.filter() != null) {
            filtered(container, op, path, value);
        } else if (attribute.sub() != null) {
            subAttribute(container, op, attribute, value);
        } else if (op == Op.REMOVE) {
            container.remove(attribute.name());
        } else if (attribute.isMultiValued()) {
            multiValued(container, op, attribute.name(), value);
        } else if (UserSchema.COMPLEX.contains(attribute.name())) {
            complex(container, attribute.name(), value);
        } else {
            container.set(attribute.name(), value);
        }
    }

    /**
     * Whether an operation on a core attribute changes anything: {@code schemas} and
     * {@code password} (never kept) are skipped, {@code id} and {@code meta} are refused unless
     * left as they are.
     */
    private static boolean checkSettable(ObjectNode user, Op op, AttributePath attribute, JsonNode value) {
        switch (attribute.name()) {
            case "schemas", "password":
                return false;
            case "id":
                if (op != Op.REMOVE && value != null && value.asText().equals(user.path("id").asText())) {
                    return false;
                }
                throw new ScimException(ScimException.Type.MUTABILITY, "id is assigned by profilekit and cannot change");
            case "meta":
                throw new ScimException(ScimException.Type.MUTABILITY, "meta is written by profilekit");
            default:
                return true;
        }
    }

    private static void wholeExtension(ObjectNode user, Op op, JsonNode value) {
        if (op == Op.REMOVE) {
            user.remove(ScimSchemas.ENTERPRISE_USER);
            return;
        }
        if (value == null || !value.isObject()) {
            throw new ScimException(ScimException.Type.INVALID_VALUE, "the enterprise extension's value is an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> members = value.fields(); members.hasNext(); ) {
            Map.Entry<String, JsonNode> member = members.next();
            at(user, op, new PatchPath(new AttributePath(ScimSchemas.ENTERPRISE_USER,
                    UserSchema.spelling(member.getKey()), null), null, null), member.getValue());
        }
    }

    private static ObjectNode container(ObjectNode user, String schema, boolean create) {
        if (schema == null) {
            return user;
        }
        JsonNode existing = user.get(schema);
        if (existing instanceof ObjectNode object) {
            return object;
        }
        return create ? user.putObject(schema) : null;
    }

    private static void subAttribute(ObjectNode container, Op op, AttributePath attribute, JsonNode value) {
        JsonNode target = container.get(attribute.name());
        List<ObjectNode> objects = new ArrayList<>();
        if (target instanceof ArrayNode values) {
            values.forEach(element -> {
                if (element instanceof ObjectNode object) {
                    objects.add(object);
                }
            });
        } else if (target instanceof ObjectNode object) {
            objects.add(object);
        } else if (op != Op.REMOVE) {
            objects.add(container.putObject(attribute.name()));
        }
        for (ObjectNode object : objects) {
            if (op == Op.REMOVE) {
                object.remove(attribute.sub());
            } else {
                object.set(attribute.sub(), value);
            }
        }
    }

    private static void multiValued(ObjectNode container, Op op, String name, JsonNode value) {
        ArrayNode given = value.isArray() ? (ArrayNode) value : container.arrayNode().add(value);
        JsonNode existing = container.get(name);
        if (op == Op.REPLACE || !(existing instanceof ArrayNode)) {
            container.set(name, given);
            return;
        }
        ArrayNode values = (ArrayNode) existing;
        boolean newPrimary = false;
        for (JsonNode element : given) {
            newPrimary |= element.path("primary").asBoolean(false);
        }
        if (newPrimary) {
            values.forEach(element -> {
                if (element instanceof ObjectNode object && object.has("primary")) {
                    object.put("primary", false);
                }
            });
        }
        for (JsonNode element : given) {
            boolean present = false;
            for (JsonNode have : values) {
                present |= have.equals(element);
            }
            if (!present) {
                values.add(element);
            }
        }
    }

    /** A single complex attribute: sub-attributes merge; a one-element array or a bare string (a manager's id) is taken as the value. */
    private static void complex(ObjectNode container, String name, JsonNode given) {
        JsonNode value = given.isArray() && given.size() == 1 ? given.get(0) : given;
        if (value.isTextual()) {
            value = container.objectNode().put("value", value.asText());
        }
        if (!value.isObject()) {
            throw new ScimException(ScimException.Type.INVALID_VALUE, name + " takes an object of sub-attributes");
        }
        JsonNode existing = container.get(name);
        ObjectNode target = existing instanceof ObjectNode object ? object : container.putObject(name);
        value.fields().forEachRemaining(member -> {
            if (member.getValue().isNull()) {
                target.remove(member.getKey());
            } else {
                target.set(member.getKey(), member.getValue());
            }
        });
    }

    private static void filtered(ObjectNode container, Op op, PatchPath path, JsonNode value) {
        String name = path.attribute().name();
        JsonNode existing = container.get(name);
        if (!(existing instanceof ArrayNode)) {
            if (op == Op.REMOVE) {
                return;
            }
            existing = container.putArray(name);
        }
        ArrayNode values = (ArrayNode) existing;
        List<ObjectNode> matched = new ArrayList<>();
        for (int i = values.size() - 1; i >= 0; i--) {
            if (values.get(i) instanceof ObjectNode element && path.filter().test(element)) {
                if (op == Op.REMOVE && path.sub() == null) {
                    values.remove(i);
                } else {
                    matched.add(element);
                }
            }
        }
        if (op == Op.REMOVE) {
            matched.forEach(element -> element.remove(path.sub()));
            return;
        }
        if (matched.isEmpty()) {
            ObjectNode created = values.addObject();
            seed(created, path.filter());
            matched.add(created);
        }
        for (ObjectNode element : matched) {
            if (path.sub() != null) {
                element.set(path.sub(), value);
            } else if (value.isObject()) {
                if (op == Op.REPLACE) {
                    element.removeAll();
                    seed(element, path.filter());
                }
                element.setAll((ObjectNode) value);
            } else {
                throw new ScimException(ScimException.Type.INVALID_VALUE,
                        "a value that replaces " + name + "[...] is an object");
            }
        }
    }

    /**
     * Fills a new value with what the filter says of it ({@code type eq "work"} gives
     * {@code "type": "work"}); a filter that says something else cannot describe a new value.
     */
    private static void seed(ObjectNode value, Filter filter) {
        if (filter instanceof Filter.And and) {
            seed(value, and.left());
            seed(value, and.right());
        } else if (filter instanceof Filter.Compare compare && compare.op() == Filter.Operator.EQ) {
            value.set(compare.path().name(), compare.value());
        } else {
            throw new ScimException(ScimException.Type.NO_TARGET, "no value matches the path's filter, and it says"
                    + " too little to add one: use eq, and and");
        }
    }

    private static ScimException syntax(String detail) {
        return new ScimException(ScimException.Type.INVALID_SYNTAX, detail);
    }
}
