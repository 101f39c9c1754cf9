// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.bsp.hosted.BoardUnavailableException;

/**
 * Where the board cannot have its cgroups, detect or createBoard refuse with one line naming what is missing
 * and where: a directory that is no cgroup root, and real cgroup hierarchies bind-mounted read-only by the test.
 */
class CgroupsRefusalTest {
    @TempDir
    Path tmp;
    private final List<Path> mounted = new ArrayList<>();

    @AfterEach
    void unmount() throws Exception {
        if (!mounted.isEmpty()) {
            // One shell for all: spawning a process costs 0.1-0.2 s on the loaded build machine.
            StringBuilder script = new StringBuilder();
            mounted.reversed().forEach(m -> script.append("umount '").append(m).append("'; "));
            run("sh", "-c", script.toString());
        }
    }

    @Test
    void aDirectoryWithoutCgroupMountsIsRefused() {
        assumeTrue(Linux.available(), "not Linux");
        BoardUnavailableException e = assertThrows(BoardUnavailableException.class, () -> Cgroups.detect(tmp));
        assertEquals(tmp + ": no cgroup file system mounted there or below it (looked in /proc/self/mountinfo): "
                + CgroupLayout.NEEDS, e.getMessage());
    }

    @Test
    void readOnlyHybridHierarchiesRefuseTheBoardNamingTheDirectory() throws Exception {
        CgroupLayout real = CgroupTestSupport.layout();
        assumeTrue(real.kind == CgroupLayout.Kind.HYBRID, "this machine's cgroups are not hybrid");
        Path root = tmp.resolve("ro");
        Files.createDirectory(root);
        StringBuilder script = new StringBuilder("set -e; mount -t tmpfs tmpfs '" + root + "'; ");
        List<Path> points = new ArrayList<>(List.of(root));
        for (Path own : CgroupTestSupport.ownGroups(real)) {
            Path hierarchy = hierarchyOf(real, own);
            Path at = root.resolve(hierarchy.getFileName());
            script.append("mkdir '").append(at).append("'; ").append(bindReadOnly(hierarchy, at));
            points.add(at);
        }
        mount(script.toString(), points);
        Cgroups cgroups = Cgroups.detect(root);
        assertTrue(cgroups.describe().startsWith("cgroup hybrid: "), cgroups.describe());
        String name = CgroupTestSupport.name();
        BoardUnavailableException e = assertThrows(BoardUnavailableException.class, () -> cgroups.createBoard(name));
        Path memory = root.resolve("memory").resolve(
                hierarchyOf(real, real.v1Groups.get("memory")).relativize(real.v1Groups.get("memory"))).resolve(name);
        assertEquals(memory + ": not writable (Read-only file system): " + CgroupLayout.NEEDS, e.getMessage());
        for (Path own : CgroupTestSupport.ownGroups(real)) {
            assertFalse(Files.exists(own.resolve(name)), "nothing created in the real hierarchy: " + own);
        }
    }

    @Test
    void aCgroup2RootWithoutControllersIsRefusedNamingThem() throws Exception {
        CgroupLayout real = CgroupTestSupport.layout();
        assumeTrue(real.v2Group != null, "this machine has no cgroup2 hierarchy");
        Path v2Root = hierarchyOf(real, real.v2Group);
        List<String> missing = V2Groups.missingControllers(v2Root);
        assumeTrue(!missing.isEmpty(), "this machine's cgroup2 root delegates every controller the board needs");
        assumeTrue(v2Root.equals(real.v2Group), "this process is not in the cgroup2 root");
        Path root = tmp.resolve("v2");
        Files.createDirectory(root);
        mount("set -e; " + bindReadOnly(v2Root, root), List.of(root));
        BoardUnavailableException e = assertThrows(BoardUnavailableException.class, () -> Cgroups.detect(root));
        assertEquals(root.resolve("cgroup.controllers") + ": controller" + (missing.size() > 1 ? "s " : " ")
                + String.join(", ", missing) + " not delegated to this process's group: " + CgroupLayout.NEEDS,
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    /** The mount point of the hierarchy holding {@code group}: the root in v2, else a child of the root. */
    private static Path hierarchyOf(CgroupLayout layout, Path group) {
        Path root = Cgroups.DEFAULT_ROOT;
        return layout.kind == CgroupLayout.Kind.V2 ? root : root.resolve(root.relativize(group).getName(0));
    }

    /** Shell commands mounting {@code from} read-only at {@code to} (a read-only bind needs a remount). */
    private static String bindReadOnly(Path from, Path to) {
        return "mount --bind '" + from + "' '" + to + "'; mount -o remount,bind,ro '" + to + "'; ";
    }

    /** Runs a mount script; unmounts {@code points} after the test (also those a failing script did mount). */
    private void mount(String script, List<Path> points) throws Exception {
        mounted.addAll(points);
        if (run("sh", "-c", script) != 0) {
            mounted.removeIf(p -> !isMountPoint(p));
            abort("cannot mount for the test (" + script + ")");
        }
    }

    private static boolean isMountPoint(Path p) {
        try {
            return Files.readString(Path.of("/proc/self/mountinfo")).contains(" " + p + " ");
        } catch (IOException e) {
            return true;
        }
    }

    private static int run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        if (rc != 0) {
            System.err.println(String.join(" ", cmd) + ": " + out.strip());
        }
        return rc;
    }
}
