// SPDX-License-Identifier: EPL-2.0
package org.orrery.toolchain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.orrery.os.bsp.sim.SimBoardSupport;
import org.orrery.os.kernel.BoardSupport;

/**
 * The boards this toolchain can boot images on. Listed here rather than discovered with a ServiceLoader:
 * ServiceLoader does not cross OSGi bundles, and Studio must see the same boards as the CLI. The hosted board
 * is loaded by name: its Linux calls use the FFM API of Java 22, and this library still runs on Java 21.
 */
public final class Boards {

    static final String HOSTED = "org.orrery.os.bsp.hosted.HostedBoardSupport";
    private static final List<BoardSupport> ALL = load();

    private static List<BoardSupport> load() {
        List<BoardSupport> all = new ArrayList<>();
        all.add(new SimBoardSupport());
        if (Runtime.version().feature() >= 22) {
            try {
                all.add((BoardSupport) Class.forName(HOSTED).getConstructor().newInstance());
            } catch (ReflectiveOperationException | LinkageError e) {
                // a build without the hosted board: `--board hosted` then lists the boards there are
            }
        }
        return List.copyOf(all);
    }

    private Boards() {
    }

    public static List<BoardSupport> all() {
        return ALL;
    }

    /**
     * The board called {@code name}; the language's built-in {@code hosted-linux-<arch>} boards are the hosted board
     * on a machine of that architecture.
     */
    public static Optional<BoardSupport> named(String name) {
        Optional<BoardSupport> board = ALL.stream().filter(b -> b.name().equals(name)).findFirst();
        if (board.isEmpty() && name.equals("hosted-linux-" + thisArchitecture())) {
            return named("hosted");
        }
        return board;
    }

    /** This machine's architecture as the language names it ({@code x86_64}, {@code aarch64}). */
    static String thisArchitecture() {
        String arch = System.getProperty("os.arch");
        return arch.equals("amd64") ? "x86_64" : arch;
    }

    /** "sim" or "sim, hosted": for messages that list the choices. */
    public static String names() {
        return ALL.stream().map(BoardSupport::name).collect(Collectors.joining(", "));
    }
}
