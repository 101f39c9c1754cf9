// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.partition;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import org.orrery.os.api.PartitionApplication;

/**
 * The isolation boundary of a partition on the simulator: a class loader that sees only {@code java.*}
 * (from the platform), the partition API package {@code org.orrery.os.api}, and the partition's own
 * classes. Kernel, other partitions and the host's class path are invisible, so an application cannot
 * even name them ({@link ClassNotFoundException}, reported as MEMORY_VIOLATION when it surfaces in a
 * process). A cold start uses a new loader, so static state starts afresh.
 */
public final class PartitionClassLoader extends ClassLoader {
    private static final String API_PACKAGE = PartitionApplication.class.getPackageName() + ".";
    private static final ClassLoader API_LOADER = PartitionApplication.class.getClassLoader();

    static {
        registerAsParallelCapable();
    }

    private final String partition;
    private final Map<String, byte[]> entries;

    /** A loader over {@code entries}: jar entry names ({@code a/b/C.class}, resources) to contents. */
    public PartitionClassLoader(String partition, Map<String, byte[]> entries) {
        super("partition-" + partition, null);
        this.partition = partition;
        this.entries = Map.copyOf(entries);
    }

    /** A loader over the entries of a jar file's bytes. */
    public static PartitionClassLoader fromJar(String partition, byte[] jar) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            JarEntry e;
            while ((e = in.getNextJarEntry()) != null) {
                if (!e.isDirectory()) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return new PartitionClassLoader(partition, entries);
    }

    public String partition() {
        return partition;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                if (name.startsWith("java.")) {
                    c = ClassLoader.getPlatformClassLoader().loadClass(name);
                } else if (name.startsWith(API_PACKAGE) && name.indexOf('.', API_PACKAGE.length()) < 0) {
                    c = API_LOADER.loadClass(name);
                } else {
                    c = findClass(name);
                }
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = entries.get(name.replace('.', '/') + ".class");
        if (bytes == null) {
            throw new ClassNotFoundException(name + " is not visible in partition " + partition);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    @Override
    public URL getResource(String name) {
        return null;
    }

    @Override
    public Enumeration<URL> getResources(String name) {
        return Collections.emptyEnumeration();
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        byte[] bytes = entries.get(name.startsWith("/") ? name.substring(1) : name);
        return bytes == null ? null : new ByteArrayInputStream(bytes);
    }

    /** Builds a jar (stored entries, fixed times) from class files; for tests and tools. */
    public static byte[] jar(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : new java.util.TreeMap<>(entries).entrySet()) {
                JarEntry je = new JarEntry(e.getKey());
                je.setTime(0);
                out.putNextEntry(je);
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
