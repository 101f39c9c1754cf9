// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The refusals a user meets when the board lacks real-time privileges: a child JVM started without
 * CAP_SYS_NICE and CAP_IPC_LOCK (setpriv) and with RLIMIT_RTPRIO 0 and a small RLIMIT_MEMLOCK.
 */
class UnprivilegedRefusalTest {

    @Test
    void withoutCapabilitiesFifoAndMlockallAreRefusedWithWhatToDo() throws Exception {
        CgroupTestSupport.assumeRoot();
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")) && Files.isExecutable(Path.of("/usr/bin/prlimit")),
                "needs setpriv and prlimit (util-linux) to drop privileges");
        String java = ProcessHandle.current().info().command().orElseThrow();
        String cp = location(Linux.class) + ":" + location(RefusalProbe.class) + ":"
                + location(org.orrery.os.kernel.BoardException.class);
        Process p = new ProcessBuilder(List.of("/usr/bin/prlimit", "--rtprio=0", "--memlock=65536",
                "/usr/bin/setpriv", "--bounding-set", "-sys_nice,-ipc_lock", "--inh-caps", "-sys_nice,-ipc_lock",
                java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED", "-cp", cp,
                RefusalProbe.class.getName())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertEquals("""
                setFifo: SCHED_FIFO refused (Operation not permitted): run the board as root or grant CAP_SYS_NICE \
                (or raise RLIMIT_RTPRIO)
                lockAllMemory: mlockall(MCL_CURRENT|MCL_FUTURE) refused (Cannot allocate memory): run the board as \
                root or grant CAP_IPC_LOCK and raise RLIMIT_MEMLOCK (ulimit -l)
                """, out.lines().filter(l -> l.startsWith("setFifo") || l.startsWith("lockAllMemory"))
                .reduce("", (a, b) -> a + b + "\n"));
    }

    private static String location(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
