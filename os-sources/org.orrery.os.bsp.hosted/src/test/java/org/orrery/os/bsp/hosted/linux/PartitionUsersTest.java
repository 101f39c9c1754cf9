// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.bsp.hosted.BoardUnavailableException;
import org.orrery.os.config.Limits;

class PartitionUsersTest {
    private static final long BASE = PartitionUsers.DEFAULT_BASE;

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty(PartitionUsers.PROPERTY);
        System.clearProperty(PartitionUsers.BASE_PROPERTY);
    }

    private static void root() throws Exception {
        assumeTrue(Files.getAttribute(Path.of("/proc/self"), "unix:uid").equals(0),
                "partitions get users of their own only on a board run as root");
    }

    @Test
    void eachRegionBelongsToItsWriterAndIsReadByItsReadersGroupAlone() throws Exception {
        root();
        PartitionUsers users = PartitionUsers.forBoard(3, 2);
        assertTrue(users.separate());
        Path sampling = Files.createFile(dir.resolve("sampling"));
        Path consumer = Files.createFile(dir.resolve("consumer"));
        Path traffic = Files.createFile(dir.resolve("traffic"));
        users.region(sampling, 0, List.of(2, 1, 2)); // two readers: a group of their own
        users.region(consumer, 1, List.of(0)); // one reader: its own group
        users.region(traffic, 2, List.of()); // the board's to read

        assertEquals(List.of(BASE, BASE + Limits.MAX_PARTITIONS, "rw-r-----"), owner(sampling));
        assertEquals(List.of(BASE + 1, BASE, "rw-r-----"), owner(consumer));
        assertEquals(List.of(BASE + 2, BASE + 2, "rw-------"), owner(traffic));
        assertEquals(List.of("/usr/bin/setpriv", "--reuid=" + (BASE + 1), "--regid=" + (BASE + 1),
                "--groups=" + (BASE + Limits.MAX_PARTITIONS), "--inh-caps=-all", "--no-new-privs", "--", "java"),
                withoutTool(users.command(1, List.of("java"))));
        assertTrue(users.command(0, List.of("java")).contains("--clear-groups"), "the writer reads none of them");
    }

    @Test
    void aFileHandedToAPartitionIsItsUsersWithTheModeAsked() throws Exception {
        root();
        PartitionUsers users = PartitionUsers.forBoard(2, 0);
        Path jar = Files.createFile(dir.resolve("app-1.jar"));
        users.hand(jar, 1, "r--------");
        assertEquals(List.of(BASE + 1, BASE + 1, "r--------"), owner(jar));
    }

    @Test
    void aJvmRunAsItsPartitionsUserHasNoCapabilitiesAndCannotGainAny() throws Exception {
        root();
        List<String> cmd = PartitionUsers.forBoard(1, 0).command(0, List.of("sh", "-c",
                "grep -E '^(Uid|Gid|Groups|CapEff|CapPrm|NoNewPrivs):' /proc/self/status"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String status = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), status);
        assertTrue(status.contains("Uid:\t" + BASE + "\t" + BASE + "\t" + BASE + "\t" + BASE), status);
        assertTrue(status.contains("Gid:\t" + BASE + "\t" + BASE + "\t" + BASE + "\t" + BASE), status);
        assertTrue(status.contains("CapEff:\t0000000000000000") && status.contains("CapPrm:\t0000000000000000"), status);
        assertTrue(status.contains("NoNewPrivs:\t1"), status);
    }

    @Test
    void partitionsRunAsTheBoardsUserWhenTold() throws Exception {
        System.setProperty(PartitionUsers.PROPERTY, PartitionUsers.BOARD);
        PartitionUsers users = PartitionUsers.forBoard(2, 0);
        assertFalse(users.separate());
        assertEquals(List.of("java"), users.command(0, List.of("java")));
        Path region = Files.createFile(dir.resolve("region"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------")));
        long owner = ((Number) Files.getAttribute(region, "unix:uid")).longValue();
        users.region(region, 0, List.of(1));
        assertEquals(owner, ((Number) Files.getAttribute(region, "unix:uid")).longValue(), "left as it was");
        assertTrue(users.describe().contains("board's user"), users.describe());
    }

    @Test
    void aBadSettingIsRefusedInOneLineNamingIt() throws Exception {
        System.setProperty(PartitionUsers.PROPERTY, "nobody");
        assertEquals("-Dorrery.hosted.partition-users=nobody: expected separate or board",
                assertThrows(BoardUnavailableException.class, () -> PartitionUsers.forBoard(1, 0)).getMessage());
        root();
        System.setProperty(PartitionUsers.PROPERTY, PartitionUsers.SEPARATE);
        System.setProperty(PartitionUsers.BASE_PROPERTY, "2147480000");
        String why = assertThrows(BoardUnavailableException.class, () -> PartitionUsers.forBoard(1, 10)).getMessage();
        assertTrue(why.startsWith("-Dorrery.hosted.partition-uid-base=2147480000: partition ids must lie between 1 and"),
                why);
    }

    private static List<Object> owner(Path f) throws Exception {
        return List.of(((Number) Files.getAttribute(f, "unix:uid")).longValue(),
                ((Number) Files.getAttribute(f, "unix:gid")).longValue(),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }

    /** The command with setpriv's own path as this machine has it replaced by /usr/bin/setpriv. */
    private static List<String> withoutTool(List<String> cmd) {
        List<String> out = new java.util.ArrayList<>(cmd);
        out.set(0, "/usr/bin/setpriv");
        return out;
    }
}
