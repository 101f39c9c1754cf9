// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Jars whose bytes depend only on their content: entries sorted (manifest first, as {@code JarInputStream}
 * expects), one fixed local time, no extra fields, so the same classes always give the same jar.
 */
public final class DeterministicJar {

    /** Same instant the Maven build stamps into our jars ({@code project.build.outputTimestamp}). */
    static final LocalDateTime FIXED_TIME = LocalDateTime.of(2026, 1, 1, 0, 0, 0);
    public static final String MANIFEST = "META-INF/MANIFEST.MF";

    private DeterministicJar() {
    }

    /**
     * @param attributes main manifest attributes (sorted on output), written after {@code Manifest-Version}
     * @param entries    path → bytes; directories are implied, a {@code META-INF/MANIFEST.MF} here is ignored
     */
    public static byte[] write(Map<String, String> attributes, Map<String, byte[]> entries) {
        SortedMap<String, byte[]> sorted = new TreeMap<>(entries);
        sorted.remove(MANIFEST);
        StringBuilder mf = new StringBuilder("Manifest-Version: 1.0\r\n");
        new TreeMap<>(attributes).forEach((k, v) -> mf.append(k).append(": ").append(v).append("\r\n"));
        mf.append("\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, MANIFEST, mf.toString().getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> e : sorted.entrySet()) {
                put(zip, e.getKey(), e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(FIXED_TIME);
        zip.putNextEntry(entry);
        zip.write(data);
        zip.closeEntry();
    }
}
