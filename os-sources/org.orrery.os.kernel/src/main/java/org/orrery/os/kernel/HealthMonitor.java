// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import org.orrery.os.api.ErrorCode;
import org.orrery.os.api.ErrorStatus;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.config.HmAction;
import org.orrery.os.config.HmLevel;
import org.orrery.os.config.HmRule;
import org.orrery.os.config.HmTable;
import org.orrery.os.config.SystemState;
import org.orrery.os.trace.TraceEventType;

/**
 * ARINC 653-style health monitor. The rule for (partition, system state, error) is looked up in a table
 * built at boot: the partition's own table first, then the module table, then {@link HmDefaults}.
 * Every error is traced and recorded; a process-level error also starts the partition's error handler
 * (when it has one and is not the failing process); then the configured action is applied.
 */
final class HealthMonitor {
    private static final int STATES = SystemState.values().length;
    private static final int ERRORS = ErrorCode.values().length;

    private final Module m;
    /** rules[partition + 1][state][error]; row 0 is the module table. Null = not configured. */
    private final HmRule[][][] rules;

    HealthMonitor(Module m) {
        this.m = m;
        rules = new HmRule[m.config.partitions().size() + 1][STATES][ERRORS];
        for (HmTable t : m.config.hmTables()) {
            int row = t.partition().isEmpty() ? 0 : m.config.partitionIndex(t.partition()) + 1;
            for (HmRule r : t.rules()) {
                rules[row][t.state().ordinal()][r.error().ordinal()] = r;
            }
        }
    }

    static SystemState state(PartitionRt part, Proc proc) {
        if (part == null) {
            return SystemState.KERNEL;
        }
        if (part.initialising()) {
            return SystemState.PARTITION_INIT;
        }
        if (proc != null && proc.index == Proc.HANDLER) {
            return SystemState.ERROR_HANDLER;
        }
        return SystemState.PROCESS_EXECUTION;
    }

    HmRule lookup(PartitionRt part, SystemState state, ErrorCode error) {
        HmRule r = part == null ? null : rules[part.index + 1][state.ordinal()][error.ordinal()];
        if (r == null) {
            r = rules[0][state.ordinal()][error.ordinal()];
        }
        return r != null ? r : HmDefaults.rule(state, error, part != null);
    }

    /** Handles one error the kernel detected; {@code part} and {@code proc} may be null (module-level, no process). */
    void report(PartitionRt part, Proc proc, ErrorCode error, String message) {
        report(part, proc, error, message, false);
    }

    /** Handles one error, {@code raised} by the partition's application or detected by the kernel. */
    void report(PartitionRt part, Proc proc, ErrorCode error, String message, boolean raised) {
        SystemState state = state(part, proc);
        HmRule rule = lookup(part, state, error);
        HmAction action = rule.action();
        int core = part == null ? 0 : part.traceCore();
        m.trace(core, TraceEventType.HM_EVENT, part == null ? -1 : part.index, error.ordinal(), action.ordinal());
        String procName = proc == null ? "" : proc.name();
        HmEvent event = new HmEvent(m.now, part == null ? "" : part.name(), procName, error, rule.level(), action,
                message, raised);
        m.hmEvents.add(event);
        if (m.link != null && part != null) {
            m.link.hmEvent(part.index, event);
        }
        if (action != HmAction.IGNORE && m.link == null) { // a partition's own kernel: the module prints it
            m.print("HM", (part == null ? "module" : part.name()) + (procName.isEmpty() ? "" : "/" + procName)
                    + " " + error + " -> " + action + ": " + message);
        }
        if (rule.level() == HmLevel.PROCESS && part != null && part.mode == PartitionMode.NORMAL
                && part.handler.created && proc != part.handler && !part.handler.started) {
            part.errorStatus = new ErrorStatus(error, proc == null || proc.index < 0 ? null : proc.ref, message, m.now);
            m.control.start(part.handler);
        }
        apply(action, rule, part, proc);
    }

    /**
     * An error a partition's own kernel handled ({@link Kernel#reportedHm}): recorded as one handled here, its action
     * already done there and traced there when it happened. Returns the console line that prints it as one handled
     * here (null: none), for the caller to print once it let go of the kernel's lock.
     */
    String record(PartitionRt part, HmEvent event) {
        m.hmEvents.add(event);
        // counted as this module's kernel counts its own: what a kernel detected, not what an application raised
        if (!event.raised() && event.error() == ErrorCode.DEADLINE_MISSED) {
            m.deadlineMisses++;
        } else if (!event.raised() && event.error() == ErrorCode.WINDOW_OVERRUN) {
            m.overruns++;
        }
        if (event.action() == HmAction.IGNORE) {
            return null;
        }
        // stamped when it happened there, not when the report came
        return Module.line(event.timeNs(), "HM", part.name() + (event.process().isEmpty() ? "" : "/" + event.process())
                + " " + event.error() + " -> " + event.action() + ": " + event.message());
    }

    private void apply(HmAction action, HmRule rule, PartitionRt part, Proc proc) {
        switch (action) {
            case IGNORE, LOG -> {
            }
            case RESTART_PROCESS -> {
                if (proc != null && proc.created && proc.index >= 0) {
                    m.control.stop(proc);
                    m.control.start(proc);
                } else if (proc != null) {
                    m.control.stop(proc);
                }
            }
            case IDLE_PARTITION -> {
                if (part != null) {
                    m.lifecycle.idle(part);
                }
            }
            case WARM_START_PARTITION -> {
                if (part != null) {
                    m.lifecycle.restart(part, PartitionMode.WARM_START);
                }
            }
            case COLD_START_PARTITION -> {
                if (part != null) {
                    m.lifecycle.restart(part, PartitionMode.COLD_START);
                }
            }
            case SWITCH_PLAN -> m.requestPlan(m.config.planIndex(rule.planTarget()));
            case SHUTDOWN_MODULE -> m.shutdown();
            case RESET_MODULE -> m.reset();
            default -> throw new IllegalStateException("unhandled action " + action);
        }
    }
}
