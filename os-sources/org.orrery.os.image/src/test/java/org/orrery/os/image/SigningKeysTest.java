// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    @TempDir
    Path tmp;

    @Test
    void pemFilesRoundTripAndRefuseOverwrite() throws IOException {
        KeyPair pair = SigningKeys.generate();
        SigningKeys.writePair(pair, tmp);
        assertArrayEquals(pair.getPrivate().getEncoded(),
                SigningKeys.readPrivate(tmp.resolve(SigningKeys.PRIVATE_FILE)).getEncoded());
        assertArrayEquals(pair.getPublic().getEncoded(),
                SigningKeys.readPublic(tmp.resolve(SigningKeys.PUBLIC_FILE)).getEncoded());
        assertTrue(Files.readString(tmp.resolve(SigningKeys.PRIVATE_FILE)).startsWith("-----BEGIN PRIVATE KEY-----"));
        byte[] before = Files.readAllBytes(tmp.resolve(SigningKeys.PRIVATE_FILE));
        assertThrows(FileAlreadyExistsException.class, () -> SigningKeys.writePair(SigningKeys.generate(), tmp));
        assertArrayEquals(before, Files.readAllBytes(tmp.resolve(SigningKeys.PRIVATE_FILE)));
    }

    @Test
    void publicKeyIsDerivedFromThePrivateKey() throws IOException {
        for (int i = 0; i < 5; i++) {
            KeyPair pair = SigningKeys.generate();
            assertArrayEquals(pair.getPublic().getEncoded(), SigningKeys.publicKeyOf(pair.getPrivate()).getEncoded());
        }
    }

    @Test
    void badKeyFilesGiveOneLineErrors() throws IOException {
        Path junk = tmp.resolve("junk.key");
        Files.writeString(junk, "hello");
        IOException e = assertThrows(IOException.class, () -> SigningKeys.readPrivate(junk));
        assertEquals(junk + ": expected a PEM 'PRIVATE KEY' block", e.getMessage());
        SigningKeys.writePair(SigningKeys.generate(), tmp);
        IOException swapped = assertThrows(IOException.class,
                () -> SigningKeys.readPrivate(tmp.resolve(SigningKeys.PUBLIC_FILE)));
        assertTrue(swapped.getMessage().contains("expected a PEM 'PRIVATE KEY' block"), swapped.getMessage());
        IOException missing = assertThrows(IOException.class, () -> SigningKeys.readPublic(tmp.resolve("nope.pub")));
        assertTrue(missing.getMessage().endsWith("nope.pub: no such key file"), missing.getMessage());
    }
}
