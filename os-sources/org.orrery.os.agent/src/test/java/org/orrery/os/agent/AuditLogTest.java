// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a peer chooses (its name, a partition, a control target) cannot forge or disguise a line of the audit log. */
class AuditLogTest {

    @TempDir
    Path tmp;

    @Test
    void everyLineBreakAndControlAPeerSendsIsReplaced() throws Exception {
        Path file = tmp.resolve("agent.log");
        // ASCII's line breaks, NEL, the line and paragraph separators, CSI, a bidi override, a zero-width space
        String forged = "nav\r\n2026-01-01T00:00:00Z root ok\u0085a\u2028b\u2029c\u009b31md\u202eevil\u200bx\u001b[2J";
        try (AuditLog log = new AuditLog(file)) {
            log.record("alice(SHA256:x)@127.0.0.1", "DEBUG_OPEN " + forged, "refused no-partition: " + forged);
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals(1, text.split("\n", -1).length - 1, "one line: " + text);
        assertEquals(text.length() - 1, text.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", "").length(),
                "nothing but the final newline is a control, format or separator character: " + text);
        assertTrue(text.contains("DEBUG_OPEN nav??2026-01-01T00:00:00Z root ok?a?b?c?31md?evil?x?[2J -> refused"), text);
    }
}
