// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.tests;

/** Orrery sources the tests open, in the formatter's layout. */
final class Systems {

    /** Two partitions on one core, a channel between them, one plan; no rule is broken. */
    static final String TWO_PARTITIONS = """
            system demo

            board sim {
                cores 1
                memory 64 MiB
                tick 1 ms
            }

            /** Flight control: the most critical partition. */
            partition fcs {
                cores 0
                memory 8 MiB
                application "demo.Fcs"
                process control periodic period 10 ms wcet 1 ms priority 3
                port cmd_out sampling out size 8 B
            }

            partition nav {
                cores 0
                memory 8 MiB
                application "demo.Nav"
                process fusion periodic period 10 ms wcet 1 ms priority 2
                port cmd_in sampling in size 8 B refresh 20 ms
            }

            channel cmd sampling from fcs.cmd_out to nav.cmd_in

            plan main {
                core 0 major-frame 10 ms {
                    window fcs at 0 ms duration 4 ms
                    window nav at 4 ms duration 4 ms
                }
            }
            """;

    /** The window that fits, and the same window running past the 10 ms major frame (rule window-beyond-frame). */
    static final String FITTING_WINDOW = "window nav at 4 ms duration 4 ms";
    static final String LONG_WINDOW = "window nav at 4 ms duration 8 ms";

    static final String BEYOND_FRAME = TWO_PARTITIONS.replace(FITTING_WINDOW, LONG_WINDOW);

    /** The partitions of {@link #TWO_PARTITIONS} alone, as a file another one imports. */
    static final String IMPORTED = TWO_PARTITIONS.substring(
            TWO_PARTITIONS.indexOf("/** Flight control"), TWO_PARTITIONS.indexOf("channel cmd"));

    /** A system linking its channel and windows to the partitions of {@link #IMPORTED}, imported as a file. */
    static final String IMPORTING = """
            import "partitions.orrery"
            system demo
            board sim { cores 1 memory 64 MiB tick 1 ms }
            channel cmd sampling from fcs.cmd_out to nav.cmd_in
            plan main {
                core 0 major-frame 10 ms {
                    window fcs at 0 ms duration 4 ms
                    window nav at 4 ms duration 4 ms
                }
            }
            """;

    private Systems() {
    }
}
