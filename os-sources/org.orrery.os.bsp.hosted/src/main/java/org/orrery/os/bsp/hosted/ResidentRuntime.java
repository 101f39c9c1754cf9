// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.orrery.os.api.Partition;
import org.orrery.os.bsp.hosted.resident.LinkCodec;
import org.orrery.os.bsp.hosted.resident.LinkMessage;
import org.orrery.os.bsp.hosted.resident.ResidentMain;
import org.orrery.os.bsp.sim.JarApplicationLoader;
import org.orrery.os.bsp.sim.process.AotTraining;
import org.orrery.os.bsp.sim.process.RuntimeCache;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.kernel.Kernel;
import org.orrery.os.partition.PartitionClassLoader;
import org.orrery.os.trace.TraceBuffer;

/**
 * What a partition JVM with a kernel of its own runs: the OS modules this board process runs (a partition's kernel is
 * the same code as the module's), placed in the partition runtime's cache with an AOT cache of such a JVM's start, made
 * once per content and JDK. A partition JVM loads some 700 of the OS's classes before its hello; mapped from the
 * cache, partitions that start side by side before the first window each reach their hello sooner. A module that this
 * process runs from a folder of classes (a development build) goes into the cache as a jar of that folder: the JVM
 * maps a cache only for a class path of jars.
 */
final class ResidentRuntime {
    /** One class of each module a partition's kernel needs, named after its module. */
    private static final List<Class<?>> MODULES = List.of(Partition.class, SystemConfig.class, TraceBuffer.class,
            Kernel.class, JarApplicationLoader.class, PartitionClassLoader.class, ResidentRuntime.class);
    /** A folder's entries all get this time, so that the same classes make the same jar (and find their cache). */
    private static final FileTime EPOCH = FileTime.fromMillis(315_532_800_000L);

    private final String classPath;
    private final Path aotCache;
    private final String note;

    private ResidentRuntime(String classPath, Path aotCache, String note) {
        this.classPath = classPath;
        this.aotCache = aotCache;
        this.note = note;
    }

    /**
     * The runtime for this board, its AOT cache trained first where it is missing (by a JVM that {@code command} starts
     * as a partition's, given extra options, the class path and {@link ResidentMain}'s training arguments). With
     * {@code readable}, where partition JVMs that run as other users can read it.
     */
    static ResidentRuntime open(Command command, boolean readable) throws IOException {
        Map<String, Path> locations = locations();
        Map<String, byte[]> modules = new LinkedHashMap<>();
        for (Map.Entry<String, Path> m : locations.entrySet()) {
            Path where = m.getValue();
            modules.put(m.getKey(), Files.isDirectory(where) ? jarOf(where) : Files.readAllBytes(where));
        }
        StringBuilder why = new StringBuilder();
        List<String> order = List.copyOf(modules.keySet());
        RuntimeCache cache = readable ? RuntimeCache.openReadable(modules, order, why)
                : RuntimeCache.open(modules, order, why);
        if (cache == null && readable) {
            // the class folders of a development build or the jars of a user's repository are no partition's to read
            throw new IOException(why + " (partitions that run as users of their own read their classes from it)");
        }
        if (cache == null) {
            // the folders of classes are on the class path as they are: the JVM just maps no cache then
            return new ResidentRuntime(String.join(java.io.File.pathSeparator,
                    locations.values().stream().map(Path::toString).toList()), null, why.toString());
        }
        Path aot = cache.train((options, cp, socket, app) -> command.of(options, cp,
                List.of(ResidentMain.TRAIN, socket.toString())), ResidentRuntime::hello, why);
        return new ResidentRuntime(cache.classPath(), aot, why.isEmpty() ? cache.note() : why.toString());
    }

    /** A partition JVM's command: its JVM options, then the extra ones, the class path and its main's arguments. */
    interface Command {
        List<String> of(List<String> extraOptions, String classPath, List<String> mainArguments);
    }

    String classPath() {
        return classPath;
    }

    /** The JVM option that maps the AOT cache, or lets the JVM share the JDK's own classes without one. */
    String shareOption() {
        return aotCache != null ? "-XX:AOTCache=" + aotCache : "-Xshare:auto";
    }

    /** How this board's partition JVMs start, for its report. */
    String note() {
        return note;
    }

    /** The training JVM's hello, as a partition's kernel says it. */
    private static void hello(java.nio.channels.SocketChannel c) throws IOException {
        if (!(LinkCodec.read(new DataInputStream(Channels.newInputStream(c))) instanceof LinkMessage.Hello)) {
            throw new IOException("the training JVM did not say hello");
        }
    }

    private static Map<String, Path> locations() throws IOException {
        Map<String, Path> byModule = new LinkedHashMap<>();
        List<Path> seen = new ArrayList<>();
        for (Class<?> c : MODULES) {
            Path where;
            try {
                where = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (URISyntaxException | NullPointerException e) {
                throw new IOException("cannot find the OS module of " + c.getName() + " to start partitions from");
            }
            if (!seen.contains(where)) {
                seen.add(where);
                byModule.put(c.getPackageName(), where);
            }
        }
        return byModule;
    }

    /** A jar of the files under {@code folder}, in name order and with fixed times: the same files, the same bytes. */
    private static byte[] jarOf(Path folder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                ZipEntry e = new ZipEntry(folder.relativize(f).toString().replace(java.io.File.separatorChar, '/'));
                e.setLastModifiedTime(EPOCH);
                zip.putNextEntry(e);
                Files.copy(f, zip);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
