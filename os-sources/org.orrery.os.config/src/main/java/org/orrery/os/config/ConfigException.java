// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import java.util.List;

/**
 * A configuration could not be written or read: malformed bytes (with the byte offset) or a model
 * that breaks the rules of {@link ConfigValidator} (offset -1). The message names the field.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final long offset;
    private final transient List<ConfigProblem> problems;

    public ConfigException(String field, long offset, String message) {
        super(format(field, offset, message));
        this.field = field;
        this.offset = offset;
        this.problems = List.of(new ConfigProblem(field, message));
    }

    /** For a model with validation problems (at least one). */
    public ConfigException(List<ConfigProblem> problems) {
        super(summary(problems));
        this.field = problems.get(0).field();
        this.offset = -1;
        this.problems = List.copyOf(problems);
    }

    /** The first offending field. */
    public String field() {
        return field;
    }

    /** Byte offset of the problem in the encoded configuration, -1 for a semantic problem. */
    public long offset() {
        return offset;
    }

    /** Every problem found (one for format errors). */
    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String format(String field, long offset, String message) {
        return offset >= 0 ? "config offset " + offset + ", " + field + ": " + message : field + ": " + message;
    }

    private static String summary(List<ConfigProblem> problems) {
        StringBuilder sb = new StringBuilder("invalid configuration (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + ")");
        for (ConfigProblem p : problems) {
            sb.append(System.lineSeparator()).append("  ").append(p);
        }
        return sb.toString();
    }
}
