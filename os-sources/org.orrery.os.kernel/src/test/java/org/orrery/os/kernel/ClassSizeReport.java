// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.orrery.os.api.Partition;

/**
 * Prints the bytes of the kernel and API classes (run by the kernel module's {@code verify} phase, see its
 * pom): raw class-file bytes and the bytes they occupy in an image, where OS modules are stored as
 * deflated jar entries. The goal (≤ 90 KB in the image) is reported, not enforced; the build only
 * fails far above it, as a guard against accidental growth (a bundled library, a huge table).
 */
public final class ClassSizeReport {
    private static final long GOAL_BYTES = 90 * 1024;
    private static final long GUARD_BYTES = 2 * GOAL_BYTES;

    private ClassSizeReport() {
    }

    /** {@code args[0]}: the kernel jar; the API is found where {@link Partition} was loaded from. */
    public static void main(String[] args) throws IOException, URISyntaxException {
        long[] kernel = measure(Path.of(args[0]));
        long[] api = measure(Path.of(Partition.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        long raw = kernel[0] + api[0];
        long stored = kernel[1] + api[1];
        System.out.printf("[size] kernel: %d classes, %,d B (%,d B in the image)%n", kernel[2], kernel[0], kernel[1]);
        System.out.printf("[size] api:    %d classes, %,d B (%,d B in the image)%n", api[2], api[0], api[1]);
        System.out.printf("[size] kernel+API classes: %,d B raw, %,d B in the image (goal <= %,d B: %s)%n", raw,
                stored, GOAL_BYTES, stored <= GOAL_BYTES ? "met" : "NOT met");
        if (stored > GUARD_BYTES) {
            throw new IllegalStateException("kernel+API classes take " + stored + " B in the image, more than the "
                    + GUARD_BYTES + " B guard: what grew?");
        }
    }

    /** {raw bytes, stored bytes, class count} of the classes in a jar or a class directory. */
    static long[] measure(Path where) throws IOException {
        long[] total = new long[3];
        if (Files.isDirectory(where)) {
            try (Stream<Path> files = Files.walk(where)) {
                for (Path f : files.filter(ClassSizeReport::isClass).toList()) {
                    byte[] bytes = Files.readAllBytes(f);
                    add(total, bytes.length, deflated(bytes));
                }
            }
        } else {
            try (ZipFile jar = new ZipFile(where.toFile())) {
                for (ZipEntry e : jar.stream().filter(e -> isClass(Path.of(e.getName()))).toList()) {
                    long stored = e.getCompressedSize();
                    if (stored < 0) {
                        try (InputStream in = jar.getInputStream(e)) {
                            stored = deflated(in.readAllBytes());
                        }
                    }
                    add(total, e.getSize(), stored);
                }
            }
        }
        return total;
    }

    private static boolean isClass(Path p) {
        String n = p.getFileName() == null ? "" : p.getFileName().toString();
        // module-info is metadata for the module system, not kernel code.
        return n.endsWith(".class") && !n.equals("module-info.class");
    }

    private static void add(long[] total, long raw, long stored) {
        total[0] += raw;
        total[1] += stored;
        total[2]++;
    }

    private static long deflated(byte[] bytes) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(bytes);
        d.finish();
        byte[] out = new byte[bytes.length + 64];
        long n = 0;
        while (!d.finished()) {
            n += d.deflate(out);
        }
        d.end();
        return n;
    }
}
