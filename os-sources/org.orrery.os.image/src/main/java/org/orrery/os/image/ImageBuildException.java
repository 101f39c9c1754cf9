// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image;

import java.util.List;

/** A build that produced no image; every problem is one line (file:line:col for sources, field for config). */
public final class ImageBuildException extends Exception {

    private static final long serialVersionUID = 1L;
    private final transient List<String> problems;

    public ImageBuildException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
