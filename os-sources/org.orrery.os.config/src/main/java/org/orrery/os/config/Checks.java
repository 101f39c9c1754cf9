// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.Collections;

/** Null checks and defensive copies shared by the record constructors (ranges are the validator's job). */
final class Checks {
    private Checks() {
    }

    static String str(String value, String field) {
        return Objects.requireNonNull(value, field + " must not be null (use \"\" for none)");
    }

    static <T> List<T> list(List<T> value, String field) {
        Objects.requireNonNull(value, field + " must not be null");
        return List.copyOf(value);
    }

    static <T> T obj(T value, String field) {
        return Objects.requireNonNull(value, field + " must not be null");
    }

    static SortedMap<String, String> sortedMap(Map<String, String> value, String field) {
        Objects.requireNonNull(value, field + " must not be null");
        TreeMap<String, String> copy = new TreeMap<>();
        value.forEach((k, v) -> copy.put(Objects.requireNonNull(k, field + " key"), Objects.requireNonNull(v, field + " value")));
        return Collections.unmodifiableSortedMap(copy);
    }
}
