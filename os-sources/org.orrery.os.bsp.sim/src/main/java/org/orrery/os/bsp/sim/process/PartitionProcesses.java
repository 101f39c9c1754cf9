// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.kernel.ApplicationLoader;
import org.orrery.os.kernel.ProcessExecutor;

/**
 * One process per partition: each partition's application runs in its own JVM, started from the image's own
 * partition runtime and API jars, with its memory budget as heap and its cores as processor count, its
 * environment empty and its working directory the board's private one. The kernel stays in this JVM and
 * hands each partition process the core in lockstep, so the board keeps its determinism while a partition
 * can no longer end, starve or exhaust the board: it can only lose its own process.
 */
public final class PartitionProcesses implements AutoCloseable {
    /** The image modules a partition process is started from. */
    public static final List<String> RUNTIME_MODULES = List.of("org.orrery.os.api", "org.orrery.os.partition");
    private static final String MAIN = "org.orrery.os.partition.PartitionMain";
    /** Below this a JVM does not start; a smaller budget is still the partition's on the hosted board's cgroup. */
    private static final long MIN_HEAP = 4L << 20;

    private final Path dir;
    private final String java;
    private final String classPath;
    private final Map<String, Path> appJars = new LinkedHashMap<>();
    private final Map<String, PartitionHost> hosts = new LinkedHashMap<>();
    private final Launcher launcher;
    private RuntimeCache cache;

    private PartitionProcesses(Path dir, String java, String classPath, Launcher launcher) {
        this.dir = dir;
        this.java = java;
        this.classPath = classPath;
        this.launcher = launcher;
    }

    /** Each board's private folder in the temporary directory: {@code orrery-board-<kernel pid>-<random>}. */
    static final String DIR_PREFIX = "orrery-board-";

    /**
     * Starts a partition process for every partition with an application.
     *
     * @param osModules the image's OS module jars by bundle name; must hold {@link #RUNTIME_MODULES}
     * @param applicationJars application jars by partition name
     */
    public static PartitionProcesses start(SystemConfig config, Map<String, byte[]> osModules,
            Map<String, byte[]> applicationJars) {
        return start(config, osModules, applicationJars, Launcher.PLAIN);
    }

    /** As {@link #start(SystemConfig, Map, Map)}, each partition process started by {@code launcher}. */
    public static PartitionProcesses start(SystemConfig config, Map<String, byte[]> osModules,
            Map<String, byte[]> applicationJars, Launcher launcher) {
        List<String> missing = RUNTIME_MODULES.stream().filter(m -> !osModules.containsKey(m)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the image has no " + String.join(", ", missing)
                    + " module to start partition processes from; rebuild it with this Orrery");
        }
        Path dir;
        try {
            dir = boardFolder();
            StringBuilder why = new StringBuilder();
            RuntimeCache cache = RuntimeCache.open(osModules, RUNTIME_MODULES, why);
            String classPath;
            if (cache != null) {
                classPath = cache.classPath();
            } else {
                List<String> cp = new ArrayList<>();
                for (String m : RUNTIME_MODULES) {
                    Path jar = dir.resolve(m + ".jar");
                    Files.write(jar, osModules.get(m));
                    cp.add(jar.toString());
                }
                classPath = String.join(":", cp);
            }
            PartitionProcesses board = new PartitionProcesses(dir, javaCommand(), classPath, launcher);
            if (cache != null) {
                // before the partitions start: they are the JVMs that gain from it, and they would slow its making
                cache.train(board::trainer, why);
                board.cache = cache;
            }
            try {
                for (PartitionConfig p : config.partitions()) {
                    byte[] jar = applicationJars.get(p.name());
                    if (jar != null) {
                        Path file = dir.resolve("app-" + p.index() + ".jar");
                        Files.write(file, jar);
                        board.appJars.put(p.name(), file);
                        PartitionHost host = new PartitionHost(board, p);
                        board.hosts.put(p.name(), host);
                        host.launch();
                    }
                }
                DispatchWarmUp.run();
            } catch (IOException | RuntimeException e) {
                board.close();
                throw e;
            }
            return board;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the partition processes: " + e.getMessage(), e);
        }
    }

    /**
     * Folders of boards whose kernel process is gone: a board killed with -9 (a power cut of the agent, a watchdog
     * reset) never removes its own. Only folders named after a process that no longer exists are touched.
     */
    static void removeStale(Path tmp) {
        try (var entries = Files.list(tmp)) {
            for (Path d : entries.filter(e -> e.getFileName().toString().startsWith(DIR_PREFIX)).toList()) {
                String rest = d.getFileName().toString().substring(DIR_PREFIX.length());
                int dash = rest.indexOf('-');
                if (dash <= 0) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(rest.substring(0, dash));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (ProcessHandle.of(pid).isEmpty()) {
                    deleteQuietly(d);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // another board is sweeping the same folder, or it is not ours to list: nothing lost
        }
    }

    /**
     * A new folder, owner-only, for one board's partition processes (sockets, jars, logs), after the folders of boards
     * whose process is gone were swept ({@link #removeStale}): a board killed with -9 never removes its own.
     */
    public static Path boardFolder() throws IOException {
        Path dir = Files.createTempDirectory(DIR_PREFIX + ProcessHandle.current().pid() + "-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        removeStale(dir.getParent());
        return dir;
    }

    /** Removes a board's folder with what is in it (quietly: a sweeper may have removed it meanwhile). */
    public static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException | UncheckedIOException e) {
            // removed by its sweeper meanwhile
        }
    }

    /** Loads each partition's application in its partition process (a fresh process on a cold start). */
    public ApplicationLoader loader() {
        return (partition, cold) -> {
            PartitionHost host = hosts.get(partition.name());
            if (host == null) {
                throw new ClassNotFoundException("no application jar for partition " + partition.name());
            }
            host.prepare(cold);
            return host::runInit;
        };
    }

    /**
     * The executor the board uses: {@code executor}'s interleaving (the simulated board's lockstep), with process code
     * in partition processes.
     */
    public ProcessExecutor executor(ProcessExecutor executor) {
        return new RemoteExecutor(executor);
    }

    /**
     * Starts a partition process from its prepared builder (command, folder, empty environment, output to its
     * log). A board may add JVM options after the first word (the java command) or start it in a namespace of its
     * own, but must start exactly this command's program.
     */
    public interface Launcher {
        Launcher PLAIN = (partition, builder) -> builder.start();

        Process start(PartitionConfig partition, ProcessBuilder builder) throws IOException;
    }

    Launcher launcher() {
        return launcher;
    }

    Path directory() {
        return dir;
    }

    List<String> command(PartitionConfig p, Path socket) throws IOException {
        if (cache != null) {
            cache.refresh();
        }
        Path aotCache = cache != null ? cache.aotCache() : null;
        long heap = Math.max(MIN_HEAP, p.memoryBudget());
        List<String> options = List.of("-Xmx" + heap, "-XX:ActiveProcessorCount=" + Math.max(1, p.cores().size()),
                aotCache != null ? "-XX:AOTCache=" + aotCache : "-Xshare:auto");
        return jvm(options, classPath, socket, p.name(), appJars.get(p.name()));
    }

    /** A partition JVM's command: the options every partition JVM has, then {@code options}, then its main. */
    private List<String> jvm(List<String> options, String cp, Path socket, String partition, Path appJar) {
        List<String> cmd = new ArrayList<>(List.of(java, "-Xms" + MIN_HEAP, "-XX:+ExitOnOutOfMemoryError",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Djava.io.tmpdir=" + dir));
        cmd.addAll(options);
        cmd.addAll(List.of("-cp", cp, MAIN, socket.toString(), partition, appJar.toString()));
        return cmd;
    }

    /** The JVM that makes the runtime's AOT cache: a partition JVM of a typical budget on one processor. */
    private List<String> trainer(List<String> options, String cp, Path socket, Path appJar) {
        List<String> all = new ArrayList<>(List.of("-Xmx64m", "-XX:ActiveProcessorCount=1"));
        all.addAll(options);
        return jvm(all, cp, socket, "training", appJar);
    }

    /** The JVM this board runs on (inside Studio the process is the Eclipse launcher, so not its command). */
    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() {
        for (PartitionHost h : hosts.values()) {
            h.close();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            // a temporary directory; the OS cleans what is left
        }
    }
}
