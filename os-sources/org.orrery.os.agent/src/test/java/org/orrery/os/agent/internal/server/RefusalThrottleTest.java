// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.agent.AuditLog;

/** Refusals of peers that never authenticated: a bounded number of lines per address and minute, the rest counted. */
class RefusalThrottleTest {

    @TempDir
    Path tmp;

    private final AtomicLong now = new AtomicLong(1_000);

    private List<String> lines() throws IOException {
        return Files.readAllLines(tmp.resolve("agent.log"));
    }

    private static long count(List<String> lines, String part) {
        return lines.stream().filter(l -> l.contains(part)).count();
    }

    @Test
    void eachAddressGetsItsLinesPerMinuteAndTheRestIsCountedInOne() throws IOException {
        try (AuditLog log = new AuditLog(tmp.resolve("agent.log"))) {
            RefusalThrottle t = new RefusalThrottle(log, now::get);
            for (int i = 0; i < RefusalThrottle.LINES + 5; i++) {
                t.refused("192.0.2.7", "unauthenticated@192.0.2.7:" + (40000 + i), "handshake", "refused: no key");
            }
            for (int i = 0; i < 3; i++) {
                t.refused("192.0.2.8", "unauthenticated@192.0.2.8:5000", "handshake", "refused: no key");
            }
            assertEquals(RefusalThrottle.LINES, count(lines(), "unauthenticated@192.0.2.7:"));
            assertEquals(3, count(lines(), "unauthenticated@192.0.2.8:"), "another address has lines of its own");
            assertEquals(0, count(lines(), "more time"), "nothing summed up while the minute lasts");

            now.addAndGet(RefusalThrottle.WINDOW.toNanos());
            t.refused("192.0.2.7", "unauthenticated@192.0.2.7:41000", "handshake", "refused: no key");
            List<String> after = lines();
            assertTrue(after.get(after.size() - 2).endsWith("unauthenticated@192.0.2.7 connect -> refused 5 more times"
                    + " within 60 s of its first refusal; 20 lines per address and minute are written one by one"),
                    after.get(after.size() - 2));
            assertTrue(after.getLast().contains("unauthenticated@192.0.2.7:41000 handshake"), "a new minute, a new line");

            t.refused("192.0.2.8", "unauthenticated@192.0.2.8:5000", "handshake", "refused: no key");
            t.flush();
            assertEquals(0, count(lines(), "192.0.2.8 connect -> refused"), "nothing was held back for it");
        }
    }

    @Test
    void whatIsHeldBackIsWrittenWhenTheAgentStopsOrTooManyAddressesAreFollowed() throws IOException {
        try (AuditLog log = new AuditLog(tmp.resolve("agent.log"))) {
            RefusalThrottle t = new RefusalThrottle(log, now::get);
            for (int i = 0; i <= RefusalThrottle.LINES; i++) {
                t.refused("198.51.100.1", "unauthenticated@198.51.100.1:1", "connect", "refused: busy");
            }
            for (int i = 1; i < RefusalThrottle.ADDRESSES; i++) {
                t.refused("10.0." + (i / 256) + "." + (i % 256), "unauthenticated@x", "handshake", "refused");
            }
            assertEquals(0, count(lines(), "more time"));
            t.refused("10.9.9.9", "unauthenticated@10.9.9.9:1", "handshake", "refused");
            assertEquals(1, count(lines(), "198.51.100.1 connect -> refused 1 more time within"),
                    "one address more than it follows: what it held back is written");

            for (int i = 0; i <= RefusalThrottle.LINES; i++) {
                t.refused("203.0.113.5", "unauthenticated@203.0.113.5:1", "connect", "refused: busy");
            }
            t.flush();
            assertEquals(1, count(lines(), "203.0.113.5 connect -> refused 1 more time within"), "and when it stops");
        }
    }
}
