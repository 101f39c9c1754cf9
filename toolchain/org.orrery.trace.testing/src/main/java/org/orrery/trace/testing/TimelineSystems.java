// SPDX-License-Identifier: EPL-2.0
package org.orrery.trace.testing;

import java.util.List;

import org.orrery.os.config.BoardConfig;
import org.orrery.os.config.CoreFrame;
import org.orrery.os.config.Criticality;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.PlanConfig;
import org.orrery.os.config.PortConfig;
import org.orrery.os.config.PortDirection;
import org.orrery.os.config.PortKind;
import org.orrery.os.config.ProcessConfig;
import org.orrery.os.config.ProcessKind;
import org.orrery.os.config.SchedulingPolicy;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.WindowConfig;

/**
 * Two cores, 10 ms frames. Plan "normal": core 0 runs "a" at 0-4 ms (window 0) and "c" at 5-9 ms
 * (window 1); core 1 runs "b" for the whole frame (window 2). Plan "maintenance": "a" owns core 0.
 */
public final class TimelineSystems {

    public static final long MS = TraceScript.MS;

    private TimelineSystems() {
    }

    public static SystemConfig twoCores() {
        BoardConfig board = new BoardConfig("sim", 2, 256L << 20, 1_000, true, List.of(), 0, 0, List.of());
        PartitionConfig a = partition("a", 0, 0,
                List.of(new ProcessConfig("control", ProcessKind.PERIODIC, 10 * MS, 10 * MS, 10, MS, 65536)),
                List.of(new PortConfig("out", PortKind.SAMPLING, PortDirection.SOURCE, 16, 0, 0)));
        PartitionConfig b = partition("b", 1, 1, List.of(), List.of());
        PartitionConfig c = partition("c", 2, 0, List.of(), List.of());
        PlanConfig normal = new PlanConfig("normal",
                List.of(new CoreFrame(0, 10 * MS), new CoreFrame(1, 10 * MS)),
                List.of(new WindowConfig(0, 0, 4 * MS, "a"), new WindowConfig(0, 5 * MS, 4 * MS, "c"),
                        new WindowConfig(1, 0, 10 * MS, "b")));
        PlanConfig maintenance = new PlanConfig("maintenance", List.of(new CoreFrame(0, 10 * MS)),
                List.of(new WindowConfig(0, 0, 10 * MS, "a")));
        return new SystemConfig("timeline", board, List.of(), List.of(a, b, c), List.of(),
                List.of(normal, maintenance), "normal", List.of(), List.of(), List.of(), List.of());
    }

    private static PartitionConfig partition(String name, int index, int core, List<ProcessConfig> processes,
            List<PortConfig> ports) {
        return new PartitionConfig(name, index, List.of(core), 16L << 20, Criticality.C,
                SchedulingPolicy.FIXED_PRIORITY, 0, "demo." + name, "", 0, processes, ports);
    }

    /** Frames 0..frames-1 of plan "normal", exactly as configured. */
    public static TraceScript conformingRun(int frames) {
        TraceScript run = new TraceScript(2);
        for (int k = 0; k < frames; k++) {
            long t = k * 10L;
            run.window(0, t, t + 4, 0, 0, 0).window(0, t + 5, t + 9, 2, 1, 0).window(1, t, t + 10, 1, 2, 0);
        }
        return run;
    }

    /** As {@link #conformingRun(int)} on core 0 only: core 1's stream holds no event, as if its engine never ran. */
    public static TraceScript coreOneSilent(int frames) {
        TraceScript run = new TraceScript(2);
        for (int k = 0; k < frames; k++) {
            long t = k * 10L;
            run.window(0, t, t + 4, 0, 0, 0).window(0, t + 5, t + 9, 2, 1, 0);
        }
        return run;
    }

    /**
     * As {@link #conformingRun(int)}, except that core 1 runs nothing before frame {@code first}: as if its engine
     * started late, its first window opens on time for frame {@code first}.
     */
    public static TraceScript coreOneLate(int frames, int first) {
        return coreOneLate(new TraceScript(2), frames, first);
    }

    /** As {@link #coreOneLate(int, int)}, appended to {@code run} (whose events must all be earlier). */
    public static TraceScript coreOneLate(TraceScript run, int frames, int first) {
        for (int k = 0; k < frames; k++) {
            long t = k * 10L;
            run.window(0, t, t + 4, 0, 0, 0).window(0, t + 5, t + 9, 2, 1, 0);
            if (k >= first) {
                run.window(1, t, t + 10, 1, 2, 0);
            }
        }
        return run;
    }
}
