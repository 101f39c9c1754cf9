// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Copies the CLI's jars into the launcher's start-up cache, dropping jar signatures on the way.
 *
 * <p>Why: the JVM's class-data sharing / AOT cache skips every class that comes from a signed jar, and the
 * Eclipse jars (EMF, Xtext) that make up most of {@code orrery check}'s ~3,000 loaded classes are signed. The
 * copies are a private, local cache of the same bytes; the originals under {@code target/lib} stay signed.
 * Run by the {@code orrery} launcher: {@code UnsignedJars OUT_DIR JAR...}; prints the class path of the
 * copies (in the given order) on stdout.
 */
public final class UnsignedJars {

    private UnsignedJars() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: UnsignedJars OUT_DIR JAR...");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        List<String> classPath = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            Path jar = Path.of(args[i]);
            Path copy = out.resolve(jar.getFileName());
            copy(jar, copy);
            classPath.add(copy.toString());
        }
        System.out.println(String.join(java.io.File.pathSeparator, classPath));
    }

    /** Writes {@code jar} to {@code target} without signature files; unsigned jars are copied as they are. */
    public static void copy(Path jar, Path target) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            if (!isSigned(zip)) {
                Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
            } else {
                try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream zos = new ZipOutputStream(os)) {
                    Enumeration<? extends ZipEntry> entries = zip.entries();
                    while (entries.hasMoreElements()) {
                        ZipEntry e = entries.nextElement();
                        if (isSignatureFile(e.getName())) {
                            continue;
                        }
                        ZipEntry copy = new ZipEntry(e.getName());
                        copy.setTime(e.getTime());
                        zos.putNextEntry(copy);
                        try (InputStream in = zip.getInputStream(e)) {
                            in.transferTo(zos);
                        }
                        zos.closeEntry();
                    }
                }
            }
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static boolean isSigned(ZipFile zip) {
        return zip.stream().anyMatch(e -> isSignatureFile(e.getName()));
    }

    /** The files that make a jar signed (JAR File Specification, "Signed JAR File"). */
    static boolean isSignatureFile(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        if (!n.startsWith("META-INF/") || n.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        return n.endsWith(".SF") || n.endsWith(".RSA") || n.endsWith(".DSA") || n.endsWith(".EC")
                || n.startsWith("META-INF/SIG-");
    }
}
