// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A configuration under edit. Records have no withers, and a table of one mutation per row is only readable
 * when a change is one call, so values are addressed by a path of record components and list indices
 * ({@code "partitions[1].ports[0].queueDepth"}) and every edit returns a new copy.
 */
final class Cfg {
    private static final Pattern SEGMENT = Pattern.compile("(\\w+)(?:\\[(\\d+)])?");

    private final SystemConfig config;

    private Cfg(SystemConfig config) {
        this.config = config;
    }

    static Cfg of(SystemConfig config) {
        return new Cfg(config);
    }

    SystemConfig config() {
        return config;
    }

    /** Replaces the value at {@code path} (primitives are widened as reflection does: an int may set a long). */
    Cfg set(String path, Object value) {
        return update(path, old -> value);
    }

    /** Appends {@code elements} to the list at {@code path}. */
    Cfg add(String path, Object... elements) {
        return update(path, old -> {
            List<Object> list = new ArrayList<>((List<?>) old);
            list.addAll(Arrays.asList(elements));
            return list;
        });
    }

    Cfg update(String path, UnaryOperator<Object> change) {
        return new Cfg((SystemConfig) edit(config, path.split("\\."), 0, change));
    }

    private static Object edit(Object node, String[] path, int at, UnaryOperator<Object> change) {
        if (at == path.length) {
            return change.apply(node);
        }
        Matcher m = SEGMENT.matcher(path[at]);
        if (!m.matches() || !(node instanceof Record)) {
            throw new IllegalArgumentException("bad path segment '" + path[at] + "' on " + node);
        }
        RecordComponent[] components = node.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean found = false;
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = components[i].getAccessor().invoke(node);
                if (components[i].getName().equals(m.group(1))) {
                    found = true;
                    values[i] = m.group(2) == null ? edit(values[i], path, at + 1, change)
                            : editElement((List<?>) values[i], Integer.parseInt(m.group(2)), path, at + 1, change);
                }
            }
            if (!found) {
                throw new IllegalArgumentException("no component '" + m.group(1) + "' in " + node.getClass());
            }
            return node.getClass().getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild " + node.getClass().getSimpleName(),
                    e instanceof InvocationTargetException ite ? ite.getCause() : e);
        }
    }

    private static List<Object> editElement(List<?> list, int index, String[] path, int at,
            UnaryOperator<Object> change) {
        List<Object> copy = new ArrayList<>(list);
        copy.set(index, edit(copy.get(index), path, at, change));
        return copy;
    }
}
