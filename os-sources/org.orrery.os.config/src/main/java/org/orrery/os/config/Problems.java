// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects validation problems; small helpers keep the validators declarative. Every problem passes through
 * {@link #add}; the class is not final so that a test can override it to note which check reported.
 */
class Problems {
    final List<ConfigProblem> list = new ArrayList<>();

    void add(String field, String message) {
        list.add(new ConfigProblem(field, message));
    }

    void range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            add(field, "must be in " + min + ".." + max + " (is " + value + ")");
        }
    }

    void name(String field, String value) {
        if (value.isEmpty()) {
            add(field, "must not be empty");
        } else if (value.length() > Limits.MAX_NAME_LENGTH) {
            add(field, "longer than " + Limits.MAX_NAME_LENGTH + " characters");
        } else if (!value.chars().allMatch(c -> c > ' ' && c != 0x7f)) {
            add(field, "must not contain spaces or control characters");
        }
    }

    /** A free-text string (class name, path, value): the format stores at most MAX_STRING_BYTES of UTF-8. */
    void text(String field, String value) {
        int bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > Limits.MAX_STRING_BYTES) {
            add(field, bytes + " bytes of UTF-8, at most " + Limits.MAX_STRING_BYTES + " allowed");
        }
    }

    void count(String field, int size, int max) {
        if (size > max) {
            add(field, "has " + size + " entries, at most " + max + " allowed");
        }
    }

    /** Adds a problem for each repeated name; returns the set of names. */
    Set<String> unique(String field, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                add(field, "duplicate name '" + n + "'");
            }
        }
        return seen;
    }

    static String at(String list, String name, int index) {
        return list + "[" + (name.isEmpty() ? Integer.toString(index) : name) + "]";
    }
}
