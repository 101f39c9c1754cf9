// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image.verify;

import java.util.Comparator;

/**
 * One use of something partition code may not use.
 *
 * @param file      the source file the class came from when known, otherwise the jar entry
 * @param className binary name of the class ({@code demo.Bad}, {@code demo.Bad$Inner})
 * @param method    the method whose code uses it, or {@code <class>} for the class's own declarations
 *                  (superclass, interfaces, field and method types)
 */
public record Finding(String file, String className, String method, Rule rule, String message)
        implements Comparable<Finding> {

    /** Where a finding is not about any one method. */
    public static final String CLASS_LEVEL = "<class>";

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
            .thenComparing(Finding::className).thenComparing(Finding::method).thenComparing(f -> f.rule().code())
            .thenComparing(Finding::message);

    /** {@code FILE:CLASS:METHOD: error[RULE]: message}, the shape of every other build diagnostic. */
    public String format() {
        return file + ":" + className + ":" + method + ": error[" + rule.code() + "]: " + message;
    }

    @Override
    public int compareTo(Finding other) {
        return ORDER.compare(this, other);
    }
}
