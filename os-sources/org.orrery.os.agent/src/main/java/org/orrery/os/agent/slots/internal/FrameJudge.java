// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.slots.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import org.orrery.os.api.ErrorCode;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.config.HmAction;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.trace.TraceEventType;
import org.orrery.os.trace.TraceSink;

/**
 * Turns a board's trace into one verdict per major frame, the unit a trial counts. The rule:
 * <b>a major frame is healthy when no health-monitor event in it acted above process level</b> (an action
 * other than IGNORE, LOG or RESTART_PROCESS, or any event at module level), <b>no watchdog expired in it, and
 * every partition that had a window in it is in NORMAL mode at its end</b>. Frames are cut at multiples of
 * the initial plan's longest core frame, counted from board time 0.
 *
 * <p>A frame whose only fault is a partition still in its <em>first</em> cold start, before any fault since
 * boot, is judged <b>starting</b> instead: on the hosted board a partition is a JVM that loads and compiles
 * first, for a time the frame length does not bound (a busy host makes it seconds). Such frames neither count
 * against a trial nor toward its healthy run; a partition that never finishes starting is bounded by the
 * kernel's initialisation allowance (an HM event, a fault) and by the trial's wall-clock timeout.
 *
 * <p>Events reach the sink core by core, so a frame is only judged once the board says everything up to a
 * later time was drained ({@link #drained()}).
 */
public final class FrameJudge implements TraceSink {

    private final SystemConfig config;
    private final long frameNs;
    private final Consumer<String> out;
    private final PartitionMode[] modes;
    /** Partitions that reached NORMAL at least once since boot. */
    private final BitSet started = new BitSet();
    /** A fault was seen since boot: from then on every frame counts. */
    private boolean faulted;
    /** What happened since the last judged frame, not yet in time order across cores. */
    private final List<Happening> pending = new ArrayList<>();
    private long frame;
    private long latestNs;

    /** A window start (partition scheduled), a mode change or a fault, at board time {@code ns}. */
    private record Happening(long ns, int partition, PartitionMode mode, String fault) {
    }

    /** @param out receives lines of the child protocol ({@link ChildLine}) */
    public FrameJudge(SystemConfig config, Consumer<String> out) {
        this.config = config;
        this.out = out;
        this.frameNs = config.plan(config.initialPlan()).orElseThrow().frames().stream()
                .mapToLong(f -> f.majorFrameNs()).max().orElse(1_000_000_000L);
        this.modes = new PartitionMode[config.partitions().size()];
        Arrays.fill(modes, PartitionMode.COLD_START);
    }

    public long frameNs() {
        return frameNs;
    }

    /** Board time up to which events have been seen. */
    public long latestNs() {
        return latestNs;
    }

    @Override
    public void event(int core, long ts, int typeId, long f0, long f1, long f2) {
        latestNs = Math.max(latestNs, ts);
        TraceEventType type = TraceEventType.fromId(typeId);
        if (type == null) {
            return;
        }
        switch (type) {
            case WINDOW_START -> {
                if (known(f0)) {
                    pending.add(new Happening(ts, (int) f0, null, null));
                }
            }
            case PARTITION_MODE -> {
                if (known(f0)) {
                    PartitionMode to = PartitionMode.values()[(int) f2];
                    out.accept(ChildLine.mode(name(f0), to.name()));
                    pending.add(new Happening(ts, (int) f0, to, null));
                }
            }
            case HM_EVENT -> {
                HmAction action = HmAction.values()[(int) f2];
                String error = ErrorCode.values()[(int) f1].name();
                String who = f0 < 0 ? "module" : name(f0);
                out.accept(ChildLine.hm(who, error, action.name()));
                boolean processLevel = action == HmAction.IGNORE || action == HmAction.LOG || action == HmAction.RESTART_PROCESS;
                if (f0 < 0 || !processLevel) {
                    pending.add(new Happening(ts, -1, null, who + " " + error + " -> " + action));
                }
            }
            case PLAN_SWITCH -> out.accept(ChildLine.plan(planName(f0), planName(f1), core));
            case WATCHDOG_EXPIRED -> pending.add(new Happening(ts, -1, null, name(f0) + " watchdog expired"));
            default -> {
            }
        }
    }

    /** Everything up to {@link #latestNs()} has been drained: judge the frames that ended by then. */
    public void drained() {
        if ((frame + 1) * frameNs > latestNs) {
            return;
        }
        pending.sort(Comparator.comparingLong(Happening::ns));
        int next = 0;
        while ((frame + 1) * frameNs <= latestNs) {
            long end = (frame + 1) * frameNs;
            String why = null;
            BitSet scheduled = new BitSet();
            for (; next < pending.size() && pending.get(next).ns() < end; next++) {
                Happening h = pending.get(next);
                if (h.fault() != null) {
                    faulted = true;
                    why = why == null ? h.fault() : why;
                } else if (h.mode() != null) {
                    modes[h.partition()] = h.mode();
                    if (h.mode() == PartitionMode.NORMAL) {
                        started.set(h.partition());
                    }
                } else {
                    scheduled.set(h.partition());
                }
            }
            String starting = null;
            for (int p = scheduled.nextSetBit(0); p >= 0 && why == null; p = scheduled.nextSetBit(p + 1)) {
                if (modes[p] == PartitionMode.COLD_START && !started.get(p) && !faulted) {
                    starting = starting == null ? name(p) : starting;
                } else if (modes[p] != PartitionMode.NORMAL) {
                    why = name(p) + " is " + modes[p] + " at the frame's end";
                }
            }
            out.accept(why != null ? ChildLine.unhealthyFrame(frame, why)
                    : starting != null ? ChildLine.startingFrame(frame, starting) : ChildLine.healthyFrame(frame));
            frame++;
        }
        pending.subList(0, next).clear();
    }

    private boolean known(long partition) {
        return partition >= 0 && partition < modes.length;
    }

    private String planName(long index) {
        return index >= 0 && index < config.plans().size() ? config.plans().get((int) index).name() : "plan" + index;
    }

    private String name(long index) {
        for (PartitionConfig p : config.partitions()) {
            if (p.index() == index) {
                return p.name();
            }
        }
        return "partition" + index;
    }
}
