// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import org.orrery.os.api.PartitionMode;
import org.orrery.os.kernel.OperatorDesk.Action;
import org.orrery.os.kernel.OperatorDesk.Outcome;

/**
 * Applies the operator's queued requests at an engine step, under the kernel lock. Each request is checked
 * completely before anything changes (an unknown name or a request that makes no sense in the current mode is
 * refused and leaves the kernel as it was); an applied one goes through the same mechanisms as the health
 * monitor's actions (lifecycle, plan request) and is printed on the console as an operator action.
 */
final class Operator {
    private final Module m;
    private final OperatorDesk desk;

    Operator(Module m, OperatorDesk desk) {
        this.m = m;
        this.desk = desk;
        String[] names = new String[m.partitions.length];
        for (PartitionRt p : m.partitions) {
            names[p.index] = p.name();
        }
        desk.bind(names);
    }

    OperatorDesk desk() {
        return desk;
    }

    /** Applies every queued request, in the order they came. */
    void applyPending() {
        if (desk.idle()) {
            return;
        }
        for (OperatorDesk.Request r; (r = desk.next()) != null; ) {
            Outcome o = apply(r);
            if (o.done()) {
                m.print("OPERATOR", r.who() + ": " + r.action().word() + " " + r.target() + " -> " + o.text());
            }
            r.reply().complete(o);
        }
    }

    void windowClosed(int partition, long windowNs, long busyNs) {
        if (m.link != null && m.resident[partition]) {
            // a partition's own kernel: the module's desk is the one an operator reads
            m.link.windowUsed(partition, windowNs, busyNs);
        }
        if (m.elsewhere[partition]) {
            // its use comes from its own kernel (windowUsed): this kernel ran none of its processes
            desk.windowCounted(partition, windowNs, m.partitions[partition].mode);
        } else {
            desk.windowClosed(partition, windowNs, busyNs, m.partitions[partition].mode);
        }
    }

    /** What a partition's own kernel reported of its last window. */
    void windowUsed(int partition, long windowNs, long busyNs) {
        desk.windowUsed(partition, windowNs, busyNs);
    }

    private Outcome apply(OperatorDesk.Request r) {
        if (m.shutdown) {
            return refused("the module is shut down");
        }
        if (r.action() == Action.SWITCH_PLAN) {
            int plan = m.config.planIndex(r.target());
            if (plan < 0) {
                return refused("no plan '" + r.target() + "' on this board (plans: " + planNames() + ")");
            }
            if (plan == m.targetPlan) {
                return refused("plan " + r.target() + " is already the module's plan");
            }
            m.requestPlan(plan);
            return new Outcome(true, "plan " + r.target() + " at the end of the major frame");
        }
        int index = m.config.partitionIndex(r.target());
        if (index < 0) {
            return refused("no partition '" + r.target() + "' on this board (partitions: " + partitionNames() + ")");
        }
        PartitionRt p = m.partitions[index];
        switch (r.action()) {
            case START -> {
                if (p.mode != PartitionMode.IDLE) {
                    return refused("partition " + p.name() + " is already running (" + p.mode + "); restart it instead");
                }
                m.lifecycle.restart(p, PartitionMode.COLD_START);
            }
            case STOP -> {
                if (p.mode == PartitionMode.IDLE) {
                    return refused("partition " + p.name() + " is already IDLE");
                }
                m.lifecycle.idle(p);
            }
            case RESTART -> m.lifecycle.restart(p, PartitionMode.COLD_START);
            default -> throw new IllegalStateException("unhandled action " + r.action());
        }
        return new Outcome(true, p.name() + " " + p.mode);
    }

    private static Outcome refused(String why) {
        return new Outcome(false, why);
    }

    private String planNames() {
        return String.join(", ", m.config.plans().stream().map(p -> p.name()).toList());
    }

    private String partitionNames() {
        return String.join(", ", m.config.partitions().stream().map(p -> p.name()).toList());
    }
}
