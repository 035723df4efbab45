package io.profilekit.core.scim;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed SCIM filter (RFC 7644 section 3.4.2.2), tested against a User as SCIM writes it (or,
 * inside a value filter, against one value of a multi-valued attribute).
 */
sealed interface Filter {

    /** Whether {@code node} passes the filter. */
    boolean test(JsonNode node);

    /** The comparison operators. */
    enum Operator { EQ, NE, CO, SW, EW, GT, GE, LT, LE }

    /** {@code path op value}. */
    record Compare(AttributePath path, Operator op, JsonNode value) implements Filter {
        @Override
        public boolean test(JsonNode node) {
            if (op == Operator.NE) {
                return !new Compare(path, Operator.EQ, value).test(node);
            }
            if (value.isNull()) {
                return op == Operator.EQ && !new Present(path).test(node);
            }
            for (JsonNode candidate : values(node, path)) {
                if (compares(candidate)) {
                    return true;
                }
            }
            return false;
        }

        private boolean compares(JsonNode candidate) {
            if (value.isTextual() && candidate.isTextual()) {
                String have = candidate.asText();
                String want = value.asText();
                if (!path.isCaseExact()) {
                    have = have.toLowerCase(Locale.ROOT);
                    want = want.toLowerCase(Locale.ROOT);
                }
                return switch (op) {
                    case EQ -> have.equals(want);
                    case CO -> have.contains(want);
                    case SW -> have.startsWith(want);
                    case EW -> have.endsWith(want);
                    default -> ordered(have.compareTo(want));
                };
            }
            if (value.isBoolean() && candidate.isBoolean()) {
                return candidate.booleanValue() == value.booleanValue();
            }
            if (value.isNumber() && candidate.isNumber()) {
                int order = new BigDecimal(candidate.asText()).compareTo(value.decimalValue());
                return op == Operator.EQ ? order == 0 : ordered(order);
            }
            return false;
        }

        private boolean ordered(int order) {
            return switch (op) {
                case GT -> order > 0;
                case GE -> order >= 0;
                case LT -> order < 0;
                case LE -> order <= 0;
                default -> false;
            };
        }
    }

    /** {@code path pr}: the attribute has a value that is not null, empty or blank. */
    record Present(AttributePath path) implements Filter {
        @Override
        public boolean test(JsonNode node) {
            for (JsonNode candidate : values(node, path)) {
                if (!candidate.isNull() && !(candidate.isTextual() && candidate.asText().isEmpty())
                        && !(candidate.isContainerNode() && candidate.isEmpty())) {
                    return true;
                }
            }
            return false;
        }
    }

    record And(Filter left, Filter right) implements Filter {
        @Override
        public boolean test(JsonNode node) {
            return left.test(node) && right.test(node);
        }
    }

    record Or(Filter left, Filter right) implements Filter {
        @Override
        public boolean test(JsonNode node) {
            return left.test(node) || right.test(node);
        }
    }

    record Not(Filter inner) implements Filter {
        @Override
        public boolean test(JsonNode node) {
            return !inner.test(node);
        }
    }

    /** {@code attribute[filter]}: some value of the multi-valued attribute passes {@code inner}. */
    record ValuePath(AttributePath path, Filter inner) implements Filter {
        @Override
        public boolean test(JsonNode node) {
            JsonNode values = field(container(node, path), path.name());
            if (values == null || !values.isArray()) {
                return false;
            }
            for (JsonNode value : values) {
                if (inner.test(value)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The member {@code name} of {@code node}, whatever its case; {@code null} when it has none. */
    static JsonNode field(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode exact = node.get(name);
        if (exact != null) {
            return exact;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = fields.next();
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** The object that holds {@code path}'s attribute: {@code node} itself, or its extension's object. */
    static JsonNode container(JsonNode node, AttributePath path) {
        return path.schema() == null ? node : field(node, path.schema());
    }

    /**
     * The values at {@code path}: one for a single-valued attribute; for a multi-valued one, each
     * value's sub-attribute (its {@code value} when the path names none, as RFC 7644 compares).
     */
    static List<JsonNode> values(JsonNode node, AttributePath path) {
        JsonNode attribute = field(container(node, path), path.name());
        List<JsonNode> found = new ArrayList<>();
        if (attribute == null) {
            return found;
        }
        if (attribute.isArray()) {
            for (JsonNode element : attribute) {
                JsonNode value = element.isObject() ? field(element, path.sub() == null ? "value" : path.sub())
                        : path.sub() == null ? element : null;
                if (value != null) {
                    found.add(value);
                }
            }
        } else {
            JsonNode value = path.sub() == null ? attribute : field(attribute, path.sub());
            if (value != null) {
                found.add(value);
            }
        }
        return found;
    }
}
