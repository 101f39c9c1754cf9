// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.orrery.dsl.OrreryStandaloneSetup;
import org.orrery.dsl.formatting.Formatting;

/** The formatter: canonical layout from any indentation, stable on its own output, comments kept. */
class FormatterTest {

    private static final Formatting FORMATTING = new OrreryStandaloneSetup().createInjectorAndDoEMFRegistration()
            .getInstance(Formatting.class);

    private static final String CANONICAL = """
            // A demo system.
            system demo

            board sim {
                cores 1
                memory 64 MiB
                tick 1 ms
            }

            /** Flight control. */
            partition fcs {
                cores 0, 1
                memory 8 MiB
                application "demo.Fcs"
                process control periodic period 10 ms wcet 1 ms priority 3 // the control loop
                port out_a sampling out size 8 B
            }

            partition nav {
                cores 0
            }

            channel c sampling from fcs.out_a to nav.in_a, nav.in_b

            plan main initial {
                core 0 major-frame 10 ms {
                    window fcs at 0 ms duration 4 ms
                    /* the navigation slot */
                    window nav at 4 ms duration 4 ms
                }
            }
            """;

    @Test
    void badlyIndentedInputBecomesTheCanonicalLayout() {
        String messy = """
                // A demo system.
                system   demo
                board sim { cores 1 memory 64   MiB tick 1 ms }
                /** Flight control. */
                  partition fcs { cores 0 ,1
                memory 8 MiB application "demo.Fcs"
                        process control periodic period 10 ms wcet 1 ms priority 3 // the control loop
                  port out_a sampling out size 8 B }

                partition nav {
                cores 0 }
                channel c sampling from fcs.out_a to nav.in_a,nav.in_b


                plan main initial { core 0 major-frame 10 ms {
                window fcs at 0 ms duration 4 ms
                  /* the navigation slot */
                window nav at 4 ms duration 4 ms } }
                """;
        assertEquals(CANONICAL, FORMATTING.format(messy));
    }

    @Test
    void canonicalLayoutIsAFixedPoint() {
        assertEquals(CANONICAL, FORMATTING.format(CANONICAL));
    }

    @Test
    void examplesAreStableAndKeepTheirComments() throws Exception {
        for (String name : Fixtures.EXAMPLES) {
            String text = Files.readString(Fixtures.example(name));
            String once = FORMATTING.format(text);
            assertEquals(once, FORMATTING.format(once), name + ": formatting is idempotent");
            for (String line : text.lines().toList()) {
                int comment = line.indexOf("//");
                if (comment >= 0 && !line.substring(0, comment).contains("\"")) {
                    String kept = line.substring(comment).strip();
                    assertTrue(once.contains(kept), name + ": comment kept: " + kept);
                }
            }
            assertEquals(words(text), words(once), name + ": only whitespace changes");
        }
    }

    @Test
    void aRequestedRegionIsFormattedAndTheRestLeftAsWritten() {
        String text = CANONICAL.replace("    cores 0\n}", "cores    0 }").replace("    memory 8 MiB", "memory   8 MiB");
        int nav = text.indexOf("partition nav");
        String once = FORMATTING.format(text, nav, text.indexOf("}", nav) + 1 - nav);
        assertEquals(CANONICAL.replace("    memory 8 MiB", "memory   8 MiB"), once);
    }

    @Test
    void brokenInputIsLeftAlone() {
        String broken = "system demo\npartition {\n  cores\n";
        assertEquals(broken, FORMATTING.format(broken));
    }

    private static String words(String text) {
        return String.join(" ", text.replace(",", " , ").split("\\s+")).strip();
    }
}
