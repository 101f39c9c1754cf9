// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * One row of the validator's fixture table: a mutation of a valid sample and the problem it must cause.
 * {@code extras} are problems the mutation cannot avoid besides it; each row that has some says why.
 * The mutation is a supplier so that the few rows building thousands of entries cost nothing until run.
 */
record Fixture(Supplier<Cfg> mutation, ConfigProblem expected, List<ConfigProblem> extras) {
    static final long MAX = Long.MAX_VALUE;
    static final long MS = Samples.MS;
    /** A free-text value one byte over the format's string limit. */
    static final String LONG = "x".repeat(Limits.MAX_STRING_BYTES + 1);
    static final String TOO_LONG = (Limits.MAX_STRING_BYTES + 1) + " bytes of UTF-8, at most "
            + Limits.MAX_STRING_BYTES + " allowed";

    static Fixture row(Supplier<Cfg> mutation, String field, String message) {
        return new Fixture(mutation, new ConfigProblem(field, message), List.of());
    }

    Fixture also(String field, String message) {
        List<ConfigProblem> more = new ArrayList<>(extras);
        more.add(new ConfigProblem(field, message));
        return new Fixture(mutation, expected, more);
    }

    List<ConfigProblem> all() {
        List<ConfigProblem> all = new ArrayList<>(extras);
        all.add(expected);
        return all;
    }

    static Cfg full() {
        return Cfg.of(Samples.full());
    }

    static Cfg minimal() {
        return Cfg.of(Samples.minimal());
    }

    /**
     * {@link Samples#full()} with a fourth partition, "spare" (index 3), that has no window, channel, service or
     * table: most partition, process, port and channel rows break it alone, so nothing else is affected.
     * Ports: 0 out (sampling source), 1 in and 4 in2 (sampling destinations), 2 qout and 3 qin (queuing).
     */
    static Cfg spare() {
        return full().add("partitions", new PartitionConfig("spare", 3, List.of(0), 1 << 20, Criticality.D,
                SchedulingPolicy.FIXED_PRIORITY, 0, "demo.Spare", "", 0,
                List.of(new ProcessConfig("work", ProcessKind.PERIODIC, 10 * MS, 10 * MS, 1, MS, 4096)),
                List.of(new PortConfig("out", PortKind.SAMPLING, PortDirection.SOURCE, 64, 0, 0),
                        new PortConfig("in", PortKind.SAMPLING, PortDirection.DESTINATION, 64, 0, 0),
                        new PortConfig("qout", PortKind.QUEUING, PortDirection.SOURCE, 128, 0, 4),
                        new PortConfig("qin", PortKind.QUEUING, PortDirection.DESTINATION, 128, 0, 4),
                        new PortConfig("in2", PortKind.SAMPLING, PortDirection.DESTINATION, 64, 0, 0))));
    }

    /** A valid partition for rows that need many: one core, one MiB, nothing else. */
    static PartitionConfig filler(String name, int index) {
        return new PartitionConfig(name, index, List.of(0), 1 << 20, Criticality.E, SchedulingPolicy.FIXED_PRIORITY,
                0, "demo.Filler", "", 0, List.of(), List.of());
    }

    /** Minimal plus {@code count} filler partitions "f0".., and memory for all of them. */
    static Cfg withFillers(int count) {
        Cfg c = minimal().set("board.memorySize", 1L << 40);
        List<Object> fillers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            fillers.add(filler("f" + i, i + 1));
        }
        return c.add("partitions", fillers.toArray());
    }

    static <T> List<T> copies(int n, T element) {
        return Collections.nCopies(n, element);
    }

    @Override
    public String toString() {
        String s = expected.toString();
        return s.length() <= 100 ? s : s.substring(0, 60) + "..." + s.substring(s.length() - 37);
    }
}
