// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityTest {

    @TempDir
    Path tmp;

    @Test
    void createdOnceOwnerOnlyAndStableAcrossLoads() throws Exception {
        Path dir = tmp.resolve("identity");
        Identity first = Identity.loadOrCreate(dir, "bench-1");
        assertTrue(first.fingerprint().matches("SHA256:[A-Za-z0-9+/]{43}"), first.fingerprint());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(Identity.KEY_FILE))));
        assertEquals("CN=bench-1", first.certificate().getSubjectX500Principal().getName());
        first.certificate().verify(first.certificate().getPublicKey());
        assertEquals(first.fingerprint(), Identity.loadOrCreate(dir, "other name").fingerprint());
        assertNotEquals(first.fingerprint(), Identity.loadOrCreate(tmp.resolve("second"), "bench-1").fingerprint());
        try (var files = Files.list(dir)) {
            assertEquals(Set.of(Identity.KEY_FILE, Identity.CERT_FILE),
                    Set.copyOf(files.map(p -> p.getFileName().toString()).toList()));
        }
    }

    @Test
    void aHalfIdentityIsReportedNamingTheMissingFile() throws Exception {
        Path dir = tmp.resolve("identity");
        Identity.loadOrCreate(dir, "bench-1");
        Files.delete(dir.resolve(Identity.CERT_FILE));
        IOException e = assertThrows(IOException.class, () -> Identity.loadOrCreate(dir, "bench-1"));
        assertTrue(e.getMessage().startsWith(dir.resolve(Identity.CERT_FILE) + ": missing"), e.getMessage());
        Files.writeString(dir.resolve(Identity.CERT_FILE), "not pem");
        e = assertThrows(IOException.class, () -> Identity.loadOrCreate(dir, "bench-1"));
        assertEquals(dir.resolve(Identity.CERT_FILE) + ": no CERTIFICATE block", e.getMessage());
    }
}
