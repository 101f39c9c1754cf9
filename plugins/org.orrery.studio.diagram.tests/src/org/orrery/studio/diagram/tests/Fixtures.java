// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.orrery.studio.diagram.edit.SystemModelSession;

/** Test inputs: the repository's examples and small inline systems. */
final class Fixtures {

    private Fixtures() {
    }

    static Path examples() {
        return Path.of(System.getProperty("orrery.examples", "../../examples")).toAbsolutePath().normalize();
    }

    static Path flightControl() {
        return examples().resolve("flight-control/system.orrery");
    }

    static SystemModelSession flightControlSession() {
        try {
            Path file = flightControl();
            return SystemModelSession.open(file.toUri(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A session over inline text, as if it were {@code inline.orrery} in a temporary folder. */
    static SystemModelSession inline(String text) {
        return SystemModelSession.open(Path.of(System.getProperty("java.io.tmpdir"), "inline.orrery").toUri(), text);
    }

    /** A one-core system with two partitions and a 50 ms frame; {@code windows} are the core's window lines. */
    static String oneCore(String windows) {
        return """
                system small
                board sim {
                    cores 1
                    tick 1 ms
                }
                partition a {
                    application "x.A"
                }
                partition b {
                    application "x.B"
                }
                plan main {
                    core 0 major-frame 50 ms {
                %s    }
                }
                """.formatted(windows);
    }
}
