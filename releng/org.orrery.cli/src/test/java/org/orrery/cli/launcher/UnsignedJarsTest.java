// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnsignedJarsTest {

    @TempDir
    Path dir;

    @Test
    void signatureFilesAreDroppedAndEverythingElseIsKept() throws IOException {
        Path signed = jar("signed.jar", "META-INF/MANIFEST.MF", "META-INF/ECLIPSE_.SF", "META-INF/ECLIPSE_.RSA",
                "META-INF/maven/x/pom.properties", "a/B.class", "a/sig.rsa");
        Path copy = dir.resolve("out/signed.jar");
        Files.createDirectories(copy.getParent());
        UnsignedJars.copy(signed, copy);
        try (ZipFile z = new ZipFile(copy.toFile())) {
            assertEquals(List.of("META-INF/MANIFEST.MF", "META-INF/maven/x/pom.properties", "a/B.class", "a/sig.rsa"),
                    z.stream().map(ZipEntry::getName).toList());
            assertArrayEquals(content("a/B.class"), z.getInputStream(z.getEntry("a/B.class")).readAllBytes());
            assertFalse(UnsignedJars.isSigned(z));
        }
        try (JarFile j = new JarFile(copy.toFile())) {
            assertEquals("1.0", j.getManifest().getMainAttributes().getValue("Manifest-Version"));
        }
    }

    @Test
    void unsignedJarsAreCopiedByteForByte() throws IOException {
        Path plain = jar("plain.jar", "META-INF/MANIFEST.MF", "a/B.class");
        Path copy = dir.resolve("plain-copy.jar");
        UnsignedJars.copy(plain, copy);
        assertArrayEquals(Files.readAllBytes(plain), Files.readAllBytes(copy));
    }

    @Test
    void onlyTopLevelMetaInfSignatureNamesCount() {
        assertTrue(UnsignedJars.isSignatureFile("META-INF/ECLIPSE_.SF"));
        assertTrue(UnsignedJars.isSignatureFile("META-INF/sig-x"));
        assertTrue(UnsignedJars.isSignatureFile("META-INF/K.EC"));
        assertFalse(UnsignedJars.isSignatureFile("META-INF/MANIFEST.MF"));
        assertFalse(UnsignedJars.isSignatureFile("META-INF/versions/9/x.SF"));
        assertFalse(UnsignedJars.isSignatureFile("a/b.rsa"));
    }

    private Path jar(String name, String... entries) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream os = Files.newOutputStream(p); ZipOutputStream z = new ZipOutputStream(os)) {
            for (String e : entries) {
                z.putNextEntry(new ZipEntry(e));
                z.write(content(e));
                z.closeEntry();
            }
        }
        return p;
    }

    private static byte[] content(String entry) {
        String text = entry.endsWith("MANIFEST.MF") ? "Manifest-Version: 1.0\r\n\r\n" : "bytes of " + entry;
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
