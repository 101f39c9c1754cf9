// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import java.lang.StackWalker.StackFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A {@link Problems} that notes, beside each problem, the check that reported it: the validator frames on the
 * stack (innermost first, as "File.java:line") and the line of the {@code Problems} helper that added it. The
 * stack, not the message, identifies a check because two checks may word their problems alike (an option's key
 * and value that are too long give the same message).
 */
final class SiteRecorder extends Problems {
    /** Where a problem was reported; {@code helper} is "" when the validator called {@code add} itself. */
    record Check(List<String> path, String helper) {
    }

    private final Set<String> validatorFiles;
    private final List<Check> checks = new ArrayList<>();

    SiteRecorder(Set<String> validatorFiles) {
        this.validatorFiles = validatorFiles;
    }

    @Override
    void add(String field, String message) {
        checks.add(StackWalker.getInstance().walk(this::check));
        super.add(field, message);
    }

    /** The check that reported {@code problem}, or null if it was not reported. */
    Check checkOf(ConfigProblem problem) {
        int i = list.indexOf(problem);
        return i < 0 ? null : checks.get(i);
    }

    private Check check(Stream<StackFrame> frames) {
        String helper = "";
        List<String> path = new ArrayList<>();
        for (StackFrame f : (Iterable<StackFrame>) frames::iterator) {
            String at = f.getFileName() + ":" + f.getLineNumber();
            if ("Problems.java".equals(f.getFileName()) && path.isEmpty()) {
                helper = at;
            } else if (validatorFiles.contains(f.getFileName()) && (path.isEmpty() || !path.getLast().equals(at))) {
                // A lambda's frame and its enclosing call share a line: count the line once.
                path.add(at);
            }
        }
        return new Check(List.copyOf(path), helper);
    }
}
