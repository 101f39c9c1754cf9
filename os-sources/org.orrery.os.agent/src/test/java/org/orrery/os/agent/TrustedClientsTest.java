// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustedClientsTest {

    private static final String FP = "SHA256:" + "a".repeat(43);
    private static final String FP2 = "SHA256:" + "B".repeat(43);

    @TempDir
    Path tmp;

    @Test
    void authorizeAddsAndReplacesByFingerprint() throws Exception {
        Agent.authorize(tmp, FP, Set.of(Role.MONITOR), "ci runner");
        Agent.authorize(tmp, FP2, Set.of(Role.FLASH), "alice");
        Agent.authorize(tmp, FP, Set.of(Role.FLASH, Role.MONITOR), "ci");
        TrustedClients c = new TrustedClients(tmp.resolve(Agent.CLIENTS_FILE));
        assertEquals(List.of(new TrustedClients.Client(FP2, Set.of(Role.FLASH), "alice"),
                new TrustedClients.Client(FP, Set.of(Role.FLASH, Role.MONITOR), "ci")), c.read());
        assertTrue(Files.readAllLines(c.file()).contains(FP + " flash,monitor ci"));
    }

    @Test
    void badEntriesAreRefusedNamingTheFileAndLine() throws Exception {
        Path f = tmp.resolve(Agent.CLIENTS_FILE);
        Files.createDirectories(f.getParent());
        Files.writeString(f, "# ok\n" + FP + " flash alice\n" + FP2 + " flash,root bob\n");
        IOException e = assertThrows(IOException.class, () -> new TrustedClients(f).read());
        assertEquals(f + ":3: unknown role 'root' (roles: flash, monitor, debug, operate)", e.getMessage());
        Files.writeString(f, "SHA256:short flash alice\n");
        e = assertThrows(IOException.class, () -> new TrustedClients(f).read());
        assertEquals(f + ":1: 'SHA256:short' is not a key fingerprint (SHA256:<43 base64 characters>)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Agent.authorize(tmp, "nope", Set.of(Role.FLASH), "x"));
        assertThrows(IllegalArgumentException.class, () -> Agent.authorize(tmp, FP, Set.of(), "x"));
        assertThrows(IllegalArgumentException.class, () -> Agent.authorize(tmp, FP, Set.of(Role.FLASH), "a\nb"));
    }
}
