// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.resident;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.orrery.os.api.ErrorCode;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.config.HmAction;
import org.orrery.os.config.HmLevel;
import org.orrery.os.config.Limits;
import org.orrery.os.kernel.HmEvent;
import org.orrery.os.trace.TraceEventType;

/**
 * One message on the link between a partition JVM's kernel and the board process (see the package). The records
 * refuse what no kernel could mean (a negative index, a null), so whatever is built here can be written, and
 * whatever {@link LinkCodec#read} returns passed the same rules. Strings may be longer than the wire carries:
 * {@link LinkCodec#write} shortens them. Times are the board's nanoseconds and may be anything, negative included
 * (a partition kernel's clock before the board's time 0).
 */
public sealed interface LinkMessage {

    // Partition → board.

    /** First message of a partition JVM: which partition it runs, in which version of this protocol. */
    record Hello(String partition, int protocolVersion) implements LinkMessage {
        public Hello {
            Objects.requireNonNull(partition, "partition");
        }
    }

    /** {@link org.orrery.os.kernel.ModuleLink#modeChanged}. */
    record ModeChanged(int partition, PartitionMode from, PartitionMode to, long timeNs) implements LinkMessage {
        public ModeChanged {
            index(partition, Limits.MAX_PARTITIONS, "partition");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /**
     * {@link org.orrery.os.kernel.ModuleLink#hmEvent}: the event with the partition as its index (the board names it
     * from its configuration) instead of its name.
     */
    record HmReported(int partition, long timeNs, String process, ErrorCode error, HmLevel level, HmAction action,
            String message, boolean raised) implements LinkMessage {
        public HmReported {
            index(partition, Limits.MAX_PARTITIONS, "partition");
            Objects.requireNonNull(process, "process");
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(message, "message");
        }

        public static HmReported of(int partition, HmEvent e) {
            return new HmReported(partition, e.timeNs(), e.process(), e.error(), e.level(), e.action(), e.message(),
                    e.raised());
        }

        public HmEvent event(String partitionName) {
            return new HmEvent(timeNs, partitionName, process, error, level, action, message, raised);
        }
    }

    /** {@link org.orrery.os.kernel.ModuleLink#planRequested}. */
    record PlanRequested(int plan) implements LinkMessage {
        public PlanRequested {
            index(plan, Limits.MAX_PLANS, "plan");
        }
    }

    /** {@link org.orrery.os.kernel.ModuleLink#coldStartRequested}. */
    record ColdStartRequested(int partition) implements LinkMessage {
        public ColdStartRequested {
            index(partition, Limits.MAX_PARTITIONS, "partition");
        }
    }

    /** {@link org.orrery.os.kernel.ModuleLink#shutdownRequested}. */
    record ShutdownRequested() implements LinkMessage {
    }

    /** {@link org.orrery.os.kernel.ModuleLink#resetRequested}. */
    record ResetRequested() implements LinkMessage {
    }

    /** A line the partition's processes wrote to the console: the board's console is the only one. */
    record Console(String line) implements LinkMessage {
        public Console {
            Objects.requireNonNull(line, "line");
        }
    }

    /**
     * {@link org.orrery.os.kernel.ModuleLink#windowUsed}: how long the partition's processes held a core in its window
     * that just closed ({@code busyNs} of {@code windowNs}), by its kernel's accounting: the module's kernel runs none
     * of its processes.
     */
    record WindowUsed(int partition, long windowNs, long busyNs) implements LinkMessage {
        public WindowUsed {
            index(partition, Limits.MAX_PARTITIONS, "partition");
            count(windowNs, "windowNs");
            count(busyNs, "busyNs");
            if (busyNs > windowNs) {
                throw new IllegalArgumentException("busyNs " + busyNs + " beyond the window's " + windowNs);
            }
        }
    }

    /**
     * What the partition's own kernel traced that only it knows (its modes, its processes' states, its health-monitor
     * events, its watchdog, its user events),
     * and the board time up to which it has now sent everything it traced ({@code completeNs}): the board writes its
     * own events of a core only as far as every partition's kernel has sent theirs, so each core's stream stays in
     * time order.
     */
    record TraceEvents(long completeNs, List<Event> events) implements LinkMessage {
        /** Events in one message at the most (a kernel sends more in several). */
        public static final int MAX_EVENTS = 4096;

        public TraceEvents {
            events = List.copyOf(events);
            if (events.size() > MAX_EVENTS) {
                throw new IllegalArgumentException(events.size() + " events, more than " + MAX_EVENTS);
            }
        }

        /** One traced event of core {@code core} ({@link org.orrery.os.trace.TraceSink#event}'s fields). */
        public record Event(int core, long timeNs, TraceEventType type, long f0, long f1, long f2) {
            public Event {
                index(core, Limits.MAX_CORES, "core");
                Objects.requireNonNull(type, "type");
                if (!ofThePartition(type)) {
                    throw new IllegalArgumentException(type + " is the module's to trace, not a partition's");
                }
            }

            /**
             * The events a partition's kernel traces that the module's kernel does not see (or sees only later: a mode
             * or an error it is told of), all naming the partition as their first field.
             */
            public static boolean ofThePartition(TraceEventType type) {
                return switch (type) {
                    case PARTITION_MODE, PROCESS_STATE, HM_EVENT, WATCHDOG_KICK, WATCHDOG_EXPIRED, USER_EVENT -> true;
                    default -> false;
                };
            }
        }
    }

    // Board → partition.

    /**
     * Sent once, after {@link Hello}: the board's time 0 as a CLOCK_MONOTONIC instant ({@link System#nanoTime} in
     * any JVM of the machine), so the partition kernel's clock reads the board's time, and where each core is in its
     * schedule. Each core appears at most once.
     */
    record Start(long boardBaseMonotonicNs, List<CoreFrame> cores) implements LinkMessage {
        public Start {
            cores = List.copyOf(cores);
            if (cores.size() > Limits.MAX_CORES) {
                throw new IllegalArgumentException(cores.size() + " cores, more than " + Limits.MAX_CORES);
            }
            Set<Integer> seen = new HashSet<>();
            for (CoreFrame c : cores) {
                if (!seen.add(c.core())) {
                    throw new IllegalArgumentException("core " + c.core() + " twice");
                }
            }
        }

        /** Core {@code core} runs {@code plan} in major frames from {@code frameStartNs} (board time) on. */
        public record CoreFrame(int core, int plan, long frameStartNs) {
            public CoreFrame {
                index(core, Limits.MAX_CORES, "core");
                index(plan, Limits.MAX_PLANS, "plan");
            }
        }
    }

    /** The module switched core {@code core} to {@code plan} from {@code frameStartNs} on: {@code Kernel.frameBegun}. */
    record FrameBegun(int core, int plan, long frameStartNs) implements LinkMessage {
        public FrameBegun {
            index(core, Limits.MAX_CORES, "core");
            index(plan, Limits.MAX_PLANS, "plan");
        }
    }

    /**
     * A debugger attached to the partition's JVM ({@code attached}) or left it: while one is attached, a process that
     * holds its core beyond the guard (a thread stopped at a breakpoint) is not overrunning. Its deadlines still apply.
     */
    record Debugger(boolean attached) implements LinkMessage {
    }

    private static void index(int value, int limit, String field) {
        if (value < 0 || value >= limit) {
            throw new IllegalArgumentException(field + " " + value + " outside 0.." + (limit - 1));
        }
    }

    private static void count(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " " + value + " is negative");
        }
    }
}
