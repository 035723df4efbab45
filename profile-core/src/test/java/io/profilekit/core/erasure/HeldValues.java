package io.profilekit.core.erasure;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything an object holds, as text: its strings, numbers and bytes, found by walking its
 * fields (profilekit's own classes), the entries of its maps and collections, its arrays, to
 * the bottom. What an erasure test searches an in-memory store for.
 */
final class HeldValues {

    private final IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
    private final List<String> values = new ArrayList<>();

    private HeldValues() {
    }

    static List<String> of(Object root) {
        HeldValues walk = new HeldValues();
        walk.visit(root);
        return walk.values;
    }

    private void visit(Object value) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Character || value instanceof Enum<?>) {
            values.add(value.toString());
        } else if (value instanceof byte[] bytes) {
            values.add(new String(bytes, StandardCharsets.UTF_8));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> {
                visit(key);
                visit(element);
            });
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(this::visit);
        } else if (value instanceof Object[] array) {
            for (Object element : array) {
                visit(element);
            }
        } else if (value instanceof long[] longs) {
            for (long element : longs) {
                values.add(Long.toString(element));
            }
        } else if (value instanceof Optional<?> optional) {
            optional.ifPresent(this::visit);
        } else if (value.getClass().getName().startsWith("io.profilekit.")) {
            fields(value);
        }
    }

    private void fields(Object value) {
        for (Class<?> type = value.getClass(); type != null && type.getName().startsWith("io.profilekit.");
                type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    Object held = field.get(value);
                    if (field.getType() == long.class || field.getType() == int.class) {
                        values.add(String.valueOf(held));
                    } else {
                        visit(held);
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new IllegalStateException("cannot read " + field, e);
                }
            }
        }
    }
}
