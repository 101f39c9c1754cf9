// SPDX-License-Identifier: EPL-2.0
package org.orrery.toolchain;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.orrery.os.bsp.sim.SimBoardSupport;
import org.orrery.os.kernel.BoardSupport;

/**
 * The boards this toolchain can boot images on. Listed here rather than discovered with a ServiceLoader:
 * ServiceLoader does not cross OSGi bundles, and Studio must see the same boards as the CLI.
 */
public final class Boards {

    private static final List<BoardSupport> ALL = List.of(new SimBoardSupport());

    private Boards() {
    }

    public static List<BoardSupport> all() {
        return ALL;
    }

    public static Optional<BoardSupport> named(String name) {
        return ALL.stream().filter(b -> b.name().equals(name)).findFirst();
    }

    /** "sim" or "sim, hosted": for messages that list the choices. */
    public static String names() {
        return ALL.stream().map(BoardSupport::name).collect(Collectors.joining(", "));
    }
}
