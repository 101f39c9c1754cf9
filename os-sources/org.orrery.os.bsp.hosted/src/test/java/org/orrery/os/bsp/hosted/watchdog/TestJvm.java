// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.watchdog;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Commands that run a class of this module's tests or main code in a JVM of its own, like the test JVM. */
final class TestJvm {
    private TestJvm() {
    }

    /** {@code java -cp <test classes, main classes, dependencies> main args...}, tuned to start fast. */
    static List<String> command(Class<?> main, String... args) {
        return command(List.of(), main, args);
    }

    /**
     * A test kernel's command: like {@link #command(Class, String...)} at a raised CPU priority (nice -10, where
     * the user may; nice runs it unchanged with a warning otherwise). The real kernel kicks from a SCHED_FIFO
     * thread; an ordinary JVM on a machine shared with other builds can miss a few hundred milliseconds of kicks,
     * which would turn a test about one reset into a test about two.
     */
    static List<String> kernelCommand(Class<?> main, String... args) {
        return command(List.of("nice", "-n", "-10"), main, args);
    }

    private static List<String> command(List<String> prefix, Class<?> main, String... args) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(ProcessHandle.current().info().command().orElseThrow());
        cmd.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m", "-Xss512k",
                "-XX:-UsePerfData", "--enable-native-access=ALL-UNNAMED", "-cp", classPath()));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        entries.add(root(TestJvm.class));
        entries.add(root(WatchdogKicker.class));
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            for (String e : System.getProperty(property, "").split(File.pathSeparator)) {
                if (!e.isBlank()) {
                    entries.add(e);
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The folder (or jar) a class was loaded from, found through its own resource (works with --patch-module). */
    private static String root(Class<?> c) {
        String resource = c.getName().replace('.', '/') + ".class";
        try {
            Path file = Path.of(c.getClassLoader().getResource(resource).toURI());
            Path root = file;
            for (int i = 0; i < c.getName().split("\\.").length; i++) {
                root = root.getParent();
            }
            return root.toString();
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot find where " + c.getName() + " was loaded from: " + e, e);
        }
    }
}
