// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.orrery.os.bsp.hosted.linux.Linux;

/**
 * A partition JVM's compiler threads run SCHED_IDLE (they compile in the idle time of the partition's window); its
 * other threads keep the time-sharing policy. Read back from /proc of a JVM started as partitions are (C1 only).
 */
class IdleCompilersTest {
    private static final int SCHED_OTHER = 0;
    private static final int SCHED_IDLE = 5;

    /** The stand-in partition JVM: waits until the test ends it. */
    public static final class Idle {
        public static void main(String[] args) throws Exception {
            System.in.read();
        }
    }

    @Test
    void theCompilerThreadsOfAPartitionJvmAreIdleAndItsOtherThreadsAreNot() throws Exception {
        assumeTrue(Linux.available(), "not Linux, or the FFM linker misses a libc function");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:ActiveProcessorCount=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), Idle.class.getName()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            List<Path> compilers;
            while ((compilers = threads(p.pid(), true)).isEmpty()) {
                assumeTrue(p.isAlive() && System.nanoTime() < deadline, "the child JVM has no compiler thread");
                Thread.sleep(20);
            }
            Priorities.idleCompilers(p.pid());
            for (Path t : compilers) {
                assertEquals(SCHED_IDLE, policy(t), t + ": " + comm(t));
            }
            List<Path> others = threads(p.pid(), false);
            assertFalse(others.isEmpty());
            for (Path t : others) {
                assertEquals(SCHED_OTHER, policy(t), t + ": " + comm(t));
            }
        } finally {
            p.destroyForcibly().waitFor();
        }
    }

    /** The child's compiler threads, or (false) its other threads. */
    private static List<Path> threads(long pid, boolean compilers) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path t : tasks.toList()) {
                if (comm(t).startsWith("C1 CompilerThre") == compilers && !comm(t).isEmpty()) {
                    found.add(t);
                }
            }
        }
        return found;
    }

    private static String comm(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** Field 41 of the thread's stat: its scheduling policy. */
    private static long policy(Path task) throws IOException {
        String s = Files.readString(task.resolve("stat"));
        return Long.parseLong(s.substring(s.lastIndexOf(')') + 2).trim().split(" ")[41 - 3]);
    }
}
