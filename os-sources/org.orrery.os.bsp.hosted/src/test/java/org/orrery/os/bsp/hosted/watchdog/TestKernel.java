// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.watchdog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * A stand-in kernel run as its own JVM under the watchdog in tests: it kicks every few milliseconds and records
 * what it sees in a log file the test reads. Arguments are {@code key=value}; keys starting with {@code first-}
 * apply to the first boot only (no reset yet):
 * <ul>
 * <li>{@code log=PATH} where lines go: {@code boot PID RESETS CAUSE} once the first kick is out, {@code child PID}</li>
 * <li>{@code every=MS} kick interval (10)</li>
 * <li>{@code run=MS} how long to keep kicking after the first kick (500)</li>
 * <li>{@code exit=STATUS} exit status at the end (0)</li>
 * <li>{@code close=false} end without telling the supervisor (default: clean stop first)</li>
 * <li>{@code linger=MS} after the clean stop, wait this long before exiting (0)</li>
 * <li>{@code hang=true} at the end stop kicking and sleep instead of exiting</li>
 * <li>{@code child=true} start {@code sleep 60} first (stand-in for a partition process)</li>
 * </ul>
 */
public final class TestKernel {
    public static void main(String[] args) throws Exception {
        int resets = WatchdogKicker.boardResets();
        Map<String, String> opt = new HashMap<>();
        for (String a : args) {
            String[] kv = a.split("=", 2);
            opt.put(kv[0], kv[1]);
        }
        if (resets == 0) {
            for (String key : Map.copyOf(opt).keySet()) {
                if (key.startsWith("first-")) {
                    opt.put(key.substring(6), opt.get(key));
                }
            }
        }
        Path log = Path.of(opt.get("log"));
        long every = Long.parseLong(opt.getOrDefault("every", "10"));
        long run = Long.parseLong(opt.getOrDefault("run", "500"));
        if (Boolean.parseBoolean(opt.getOrDefault("child", "false"))) {
            Process child = new ProcessBuilder("sleep", "60").inheritIO().start();
            line(log, "child " + child.pid());
        }
        WatchdogKicker kicker = WatchdogKicker.fromEnvironment().orElseThrow();
        kicker.kick();
        line(log, "boot " + ProcessHandle.current().pid() + " " + resets + " "
                + WatchdogKicker.lastResetCause().orElse("-"));
        long end = System.nanoTime() + run * 1_000_000;
        while (System.nanoTime() < end) {
            Thread.sleep(every);
            kicker.kick();
        }
        if (Boolean.parseBoolean(opt.getOrDefault("hang", "false"))) {
            Thread.sleep(60_000);
        }
        if (Boolean.parseBoolean(opt.getOrDefault("close", "true"))) {
            kicker.close();
        }
        Thread.sleep(Long.parseLong(opt.getOrDefault("linger", "0")));
        // halt, not exit: System.exit looks up the Runtime.exit logger first, which can take longer than the
        // watchdog timeout in a C1-only JVM on a loaded machine, and a test kernel has no shutdown work to do
        Runtime.getRuntime().halt(Integer.parseInt(opt.getOrDefault("exit", "0")));
    }

    private static void line(Path log, String text) throws Exception {
        Files.writeString(log, text + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private TestKernel() {
    }
}
