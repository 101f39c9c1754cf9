// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.slots.internal;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The command that starts a class of this JVM's code in a JVM of its own, with this JVM's class and module path. */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** Options for a child that should start fast and stay small (C1 only, serial GC, shared archive). */
    public static final List<String> LIGHT = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
            "-XX:-UsePerfData", "-Xss512k");

    public static List<String> command(List<String> jvmOptions, Class<?> main, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classPath(main));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** This JVM's class path and module path as one class path (the child needs no module boundaries). */
    static String classPath(Class<?> main) {
        Set<String> entries = new LinkedHashSet<>();
        entries.add(root(main));
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            for (String e : System.getProperty(property, "").split(File.pathSeparator)) {
                if (!e.isBlank()) {
                    entries.add(e);
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The folder or jar a class was loaded from (works when tests patch the module too). */
    private static String root(Class<?> c) {
        try {
            var src = c.getProtectionDomain().getCodeSource();
            if (src != null && src.getLocation() != null) {
                return Path.of(src.getLocation().toURI()).toString();
            }
            Path file = Path.of(c.getClassLoader().getResource(c.getName().replace('.', '/') + ".class").toURI());
            for (int i = 0; i < c.getName().split("\\.").length; i++) {
                file = file.getParent();
            }
            return file.toString();
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot find where " + c.getName() + " was loaded from: " + e, e);
        }
    }
}
