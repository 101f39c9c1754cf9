// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.orrery.os.bsp.hosted.BoardUnavailableException;

/**
 * Layout detection from /proc/self/mountinfo and /proc/self/cgroup texts in the kernel's format: the hybrid
 * layout of the build machines and the pure v2 layouts of other machines (systemd hosts, containers).
 */
class CgroupLayoutTest {
    private static final Path ROOT = Path.of("/sys/fs/cgroup");

    /** The build machines: v1 controllers, a freeze-only cgroup2 at unified, memory in a delegated group. */
    private static final String HYBRID_MOUNTS = """
            22 1 253:0 / / rw,relatime - ext4 /dev/vda rw
            31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
            32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
            33 31 0:30 / /sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct
            34 31 0:31 / /sys/fs/cgroup/cpuset rw,relatime - cgroup cgroup rw,cpuset
            35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
            37 31 0:34 / /sys/fs/cgroup/freezer rw,relatime - cgroup cgroup rw,freezer
            39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids
            40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd
            41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
            """;
    private static final String HYBRID_CGROUP = """
            9:name=systemd:/
            8:pids:/
            6:freezer:/
            4:memory:/process_api/b11b
            3:cpuset:/
            2:cpuacct:/
            1:cpu:/
            0::/
            """;

    @Test
    void hybridLayoutFindsEveryControllersOwnGroup() throws Exception {
        CgroupLayout l = CgroupLayout.parse(ROOT, HYBRID_MOUNTS, HYBRID_CGROUP);
        assertEquals(CgroupLayout.Kind.HYBRID, l.kind);
        assertEquals(Map.of("memory", Path.of("/sys/fs/cgroup/memory/process_api/b11b"),
                "pids", Path.of("/sys/fs/cgroup/pids"), "cpuset", Path.of("/sys/fs/cgroup/cpuset"),
                "freezer", Path.of("/sys/fs/cgroup/freezer")), l.v1Groups);
        assertEquals(Path.of("/sys/fs/cgroup/unified"), l.v2Group);
        assertEquals("cgroup hybrid: v1 cpuset at /sys/fs/cgroup/cpuset, v1 memory at /sys/fs/cgroup/memory/"
                + "process_api/b11b, v1 freezer at /sys/fs/cgroup/freezer, v1 pids at /sys/fs/cgroup/pids, "
                + "v2 at /sys/fs/cgroup/unified", l.describe());
    }

    @Test
    void pureV2OnASystemdHostUsesTheSessionsGroup() throws Exception {
        CgroupLayout l = CgroupLayout.parse(ROOT, """
                24 30 0:22 / /sys rw,nosuid,nodev,noexec,relatime shared:7 - sysfs sysfs rw
                30 24 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot
                """, "0::/user.slice/user-1000.slice/session-3.scope\n");
        assertEquals(CgroupLayout.Kind.V2, l.kind);
        assertEquals(Path.of("/sys/fs/cgroup/user.slice/user-1000.slice/session-3.scope"), l.v2Group);
        assertEquals("cgroup v2 at /sys/fs/cgroup/user.slice/user-1000.slice/session-3.scope", l.describe());
    }

    @Test
    void aMountOfASubtreeIsResolvedAgainstItsRoot() throws Exception {
        // A container sees its own subtree mounted at /sys/fs/cgroup (mount root /docker/abc).
        String mounts = "700 690 0:26 /docker/abc /sys/fs/cgroup ro,nosuid - cgroup2 cgroup2 rw\n";
        assertEquals(Path.of("/sys/fs/cgroup/app"),
                CgroupLayout.parse(ROOT, mounts, "0::/docker/abc/app\n").v2Group);
        assertEquals(Path.of("/sys/fs/cgroup"), CgroupLayout.parse(ROOT, mounts, "0::/docker/abc\n").v2Group);
        BoardUnavailableException e = assertThrows(BoardUnavailableException.class,
                () -> CgroupLayout.parse(ROOT, mounts, "0::/docker/other\n"));
        assertEquals("/sys/fs/cgroup: this process's cgroup /docker/other (from /proc/self/cgroup) is outside the "
                + "part mounted there (/docker/abc): " + CgroupLayout.NEEDS, e.getMessage());
    }

    @Test
    void coMountedControllersAndAMissingOneAreReported() {
        BoardUnavailableException e = assertThrows(BoardUnavailableException.class, () -> CgroupLayout.parse(ROOT, """
                32 31 0:29 / /sys/fs/cgroup/cpu,cpuacct rw - cgroup cgroup rw,cpu,cpuacct
                34 31 0:31 / /sys/fs/cgroup/cpuset rw - cgroup cgroup rw,cpuset
                35 31 0:32 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory
                37 31 0:34 / /sys/fs/cgroup/freezer rw - cgroup cgroup rw,freezer
                """, "4:memory:/\n3:cpuset:/\n2:cpu,cpuacct:/\n6:freezer:/\n"));
        assertEquals("/sys/fs/cgroup: no cgroup2 mounted there and no cgroup v1 hierarchy with controller pids "
                + "below it (looked in /proc/self/mountinfo): " + CgroupLayout.NEEDS, e.getMessage());
    }

    @Test
    void v1WithoutAnyFreezerIsRefused() {
        BoardUnavailableException e = assertThrows(BoardUnavailableException.class, () -> CgroupLayout.parse(ROOT, """
                34 31 0:31 / /sys/fs/cgroup/cpuset rw - cgroup cgroup rw,cpuset
                35 31 0:32 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory
                39 31 0:36 / /sys/fs/cgroup/pids rw - cgroup cgroup rw,pids
                """, "8:pids:/\n4:memory:/\n3:cpuset:/\n"));
        assertEquals("/sys/fs/cgroup: no cgroup2 mounted there and no cgroup v1 hierarchy with a freezer (v1 "
                + "freezer or a cgroup2 hierarchy) below it (looked in /proc/self/mountinfo): " + CgroupLayout.NEEDS,
                e.getMessage());
    }

    @Test
    void v1WithoutUnifiedFreezesWithTheV1Freezer() throws Exception {
        String mounts = HYBRID_MOUNTS.lines().filter(l -> !l.contains("unified"))
                .reduce("", (a, b) -> a + b + "\n");
        CgroupLayout l = CgroupLayout.parse(ROOT, mounts, HYBRID_CGROUP);
        assertNull(l.v2Group);
        assertEquals(Path.of("/sys/fs/cgroup/freezer"), l.v1Groups.get("freezer"));
    }

    @Test
    void aRootWithoutCgroupMountsIsRefused() {
        BoardUnavailableException e = assertThrows(BoardUnavailableException.class,
                () -> CgroupLayout.parse(Path.of("/tmp/x"), HYBRID_MOUNTS, HYBRID_CGROUP));
        assertEquals("/tmp/x: no cgroup file system mounted there or below it (looked in /proc/self/mountinfo): "
                + CgroupLayout.NEEDS, e.getMessage());
    }

    @Test
    void theLastMountOnAPointHidesEarlierOnesAndEscapesAreDecoded() throws Exception {
        CgroupLayout l = CgroupLayout.parse(Path.of("/srv/my cgroups"), """
                30 24 0:26 / /srv/my\\040cgroups rw - tmpfs tmpfs rw
                31 30 0:27 / /srv/my\\040cgroups rw - cgroup2 cgroup2 rw
                """, "0::/a\n");
        assertEquals(Path.of("/srv/my cgroups/a"), l.v2Group);
    }
}
