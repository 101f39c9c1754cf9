// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import static org.orrery.os.config.Fixture.MS;
import static org.orrery.os.config.Fixture.full;
import static org.orrery.os.config.Fixture.minimal;
import static org.orrery.os.config.Fixture.row;
import static org.orrery.os.config.Fixture.withFillers;

import java.util.ArrayList;
import java.util.List;

/**
 * Fixture rows for plans, major frames and windows. In full()'s plan "normal" core 3 has a 20 ms frame with
 * only display's window (0 to 7.777 ms), and core 2 has no frame: a window added there breaks one rule alone.
 */
final class ScheduleFixtures {
    private static final String NORMAL = "plans[normal]";
    private static final String TICK = "must be a multiple of the board timer tick (1000 ns)";

    private ScheduleFixtures() {
    }

    static List<Fixture> rows() {
        return List.of(
            // Without plans no initial plan can be named, so both are always reported together.
            row(() -> minimal().set("plans", List.of()), "plans", "at least one plan is required")
                    .also("initialPlan", "unknown plan 'main'"),
            row(() -> minimal().add("plans", plans(16)), "plans", "has 17 entries, at most 16 allowed"),
            row(() -> full().add("plans", plan("maintenance")), "plans", "duplicate name 'maintenance'"),
            row(() -> full().set("initialPlan", "ghost"), "initialPlan", "unknown plan 'ghost'"),
            row(() -> full().add("plans", plan("")), "plans[2].name", "must not be empty"),
            row(() -> normalFrame(new CoreFrame(4, 20 * MS)), NORMAL + ".frames[3].core",
                    "no core 4 on a board with 4 cores"),
            row(() -> normalFrame(new CoreFrame(0, 20 * MS)), NORMAL + ".frames[3].core", "core 0 has two major frames"),
            row(() -> normalFrame(new CoreFrame(2, 0)), NORMAL + ".frames[3].majorFrameNs",
                    "must be in 1.." + Long.MAX_VALUE / 4 + " (is 0)"),
            row(() -> normalFrame(new CoreFrame(2, 20 * MS + 1)), NORMAL + ".frames[3].majorFrameNs", TICK),
            row(ScheduleFixtures::tooManyWindows, "plans[main].windows", "has 32769 entries, at most 32768 allowed"),
            row(() -> window(3, 10 * MS, 5 * MS, "ghost"), NORMAL + ".windows[3].partition",
                    "unknown partition 'ghost'"),
            row(() -> window(3, 10 * MS, 5 * MS, "sensors"), NORMAL + ".windows[3].core",
                    "partition 'sensors' may not run on core 3"),
            row(() -> window(2, 0, 5 * MS, "nav"), NORMAL + ".windows[3].core",
                    "core 2 has no major frame in plan 'normal'"),
            row(() -> window(3, -1000, 1000, "display"), NORMAL + ".windows[3].startNs",
                    "must be in 0..19999999 (is -1000)"),
            row(() -> window(3, 10 * MS, 0, "display"), NORMAL + ".windows[3].durationNs",
                    "must be in 1..20000000 (is 0)"),
            row(() -> window(3, 10 * MS + 1, 5 * MS, "display"), NORMAL + ".windows[3].startNs", TICK),
            row(() -> window(3, 10 * MS, 5 * MS + 1, "display"), NORMAL + ".windows[3].durationNs", TICK),
            row(() -> window(3, 15 * MS, 10 * MS, "display"), NORMAL + ".windows[3]",
                    "ends at 25000000 ns, after the major frame (20000000 ns)"),
            row(() -> window(3, 5 * MS, 5 * MS, "display"), NORMAL + ".windows[3]",
                    "overlaps plans[normal].windows[2] on core 3"),
            // nav runs on core 1 from 0 to 20 ms every 40 ms; on core 2 from 10 ms it would run twice at once.
            row(() -> normalFrame(new CoreFrame(2, 40 * MS)).add("plans[0].windows",
                    new WindowConfig(2, 10 * MS, 5 * MS, "nav")), NORMAL + ".windows[3]",
                    "'nav' would run on cores 1 and 2 at the same time (plans[normal].windows[1])"));
    }

    private static Cfg normalFrame(CoreFrame frame) {
        return full().add("plans[0].frames", frame);
    }

    private static Cfg window(int core, long start, long duration, String partition) {
        return full().add("plans[0].windows", new WindowConfig(core, start, duration, partition));
    }

    private static PlanConfig plan(String name) {
        return new PlanConfig(name, List.of(new CoreFrame(0, 10 * MS)), List.of());
    }

    private static Object[] plans(int n) {
        Object[] plans = new Object[n];
        for (int i = 0; i < n; i++) {
            plans[i] = plan("extra" + i);
        }
        return plans;
    }

    /**
     * One tick-long window after another on core 0, shared by 64 partitions: the check that a partition never runs
     * on two cores at once compares each partition's windows pairwise, and 32,769 windows of one partition would
     * make that half a billion comparisons.
     */
    private static Cfg tooManyWindows() {
        int n = Limits.MAX_WINDOWS_PER_PLAN + 1;
        List<WindowConfig> windows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            windows.add(new WindowConfig(0, 1000L * i, 1000, i % 64 == 0 ? "p" : "f" + (i % 64 - 1)));
        }
        return withFillers(63).set("plans[0].frames", List.of(new CoreFrame(0, 1000L * n)))
                .set("plans[0].windows", windows);
    }
}
