// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.validation;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.orrery.dsl.model.Units;
import org.orrery.dsl.orrery.Application;
import org.orrery.dsl.orrery.Board;
import org.orrery.dsl.orrery.Bsp;
import org.orrery.dsl.orrery.CoreSchedule;
import org.orrery.dsl.orrery.Device;
import org.orrery.dsl.orrery.OrreryPackage.Literals;
import org.orrery.dsl.orrery.Port;
import org.orrery.dsl.orrery.PortDirection;
import org.orrery.dsl.orrery.PortKind;
import org.orrery.dsl.orrery.Process;
import org.orrery.dsl.orrery.Time;
import org.orrery.dsl.orrery.Vm;
import org.orrery.dsl.orrery.Window;
import org.orrery.os.config.Limits;

/**
 * Values outside what the OS accepts, read from {@link Limits} (the single source shared with the kernel).
 * The table is the rule's data; {@link StructureRules#valueRange} reports it.
 */
final class ValueRanges {

    record Violation(EObject object, EStructuralFeature feature, String message) {
    }

    private ValueRanges() {
    }

    static List<Violation> violations(EObject o) {
        List<Violation> out = new ArrayList<>(1);
        EStructuralFeature nameFeature = Naming.nameFeature(o);
        String name = Naming.name(o);
        if (name != null && name.length() > Limits.MAX_NAME_LENGTH) {
            out.add(new Violation(o, nameFeature, "Name " + OrreryRules.q(name) + " is longer than "
                    + Limits.MAX_NAME_LENGTH + " characters."));
        }
        if (o instanceof Time t && t.getValue() <= 0 && needsPositive(t)) {
            out.add(new Violation(o, null, "'" + keyword(t.eContainingFeature()) + "' must be a positive time, e.g. 1 ms."));
        } else if (o instanceof Process p) {
            if (p.getPriority() < Limits.MIN_PRIORITY || p.getPriority() > Limits.MAX_PRIORITY) {
                out.add(new Violation(o, Literals.PROCESS__PRIORITY, "Priority " + p.getPriority() + " of process "
                        + OrreryRules.q(p.getName()) + " is outside " + Limits.MIN_PRIORITY + ".." + Limits.MAX_PRIORITY + "."));
            }
        } else if (o instanceof Port p) {
            port(p, out);
        } else if (o instanceof Vm v && v.getVcpus() > Limits.MAX_VCPUS) {
            out.add(new Violation(o, Literals.VM__VCPUS, "VM " + OrreryRules.q(v.getName()) + " has " + v.getVcpus()
                    + " vcpus, more than the limit of " + Limits.MAX_VCPUS + "."));
        } else if (o instanceof Device d) {
            String device = "device " + OrreryRules.q(d.getName());
            if (d.getMac() != null && !TextValues.isMac(d.getMac())) {
                out.add(new Violation(o, Literals.DEVICE__MAC, "MAC address " + OrreryRules.q(d.getMac()) + " of " + device
                        + " is not six hex bytes: write it like 02:00:00:00:00:01."));
            }
            if (d.getIp() != null && !TextValues.isIpAddress(d.getIp())) {
                out.add(new Violation(o, Literals.DEVICE__IP, "Address " + OrreryRules.q(d.getIp()) + " of " + device
                        + " is not an IP address: write it like 192.0.2.10/24."));
            }
        } else if (o instanceof Application a && a.getEntryClass() != null && !a.getEntryClass().isEmpty()
                && !TextValues.isClassName(a.getEntryClass())) {
            // An empty name is the OS validator's to refuse (config-invalid); this is about names javac cannot load.
            out.add(new Violation(o, Literals.APPLICATION__ENTRY_CLASS, "Application class " + OrreryRules.q(a.getEntryClass())
                    + " is not a Java class name: write a qualified name like demo.app.Main."));
        } else if (o instanceof Board b && b.getCores() > Limits.MAX_CORES) {
            out.add(new Violation(o, Literals.BOARD__CORES, "Board has " + b.getCores()
                    + " cores, more than the limit of " + Limits.MAX_CORES + "."));
        } else if (o instanceof Bsp b && b.getCores() > Limits.MAX_CORES) {
            out.add(new Violation(o, Literals.BSP__CORES, "BSP " + OrreryRules.q(b.getName()) + " has " + b.getCores()
                    + " cores, more than the limit of " + Limits.MAX_CORES + "."));
        }
        return out;
    }

    private static void port(Port p, List<Violation> out) {
        String who = "port " + OrreryRules.q(p.getName());
        long size = Units.bytes(p.getMessageSize());
        if (p.getMessageSize() != null && (size < 1 || size > Limits.MAX_MESSAGE_SIZE)) {
            out.add(new Violation(p, Literals.PORT__MESSAGE_SIZE, "Message size " + Units.formatBytes(size) + " of "
                    + who + " is outside 1 B.." + Units.formatBytes(Limits.MAX_MESSAGE_SIZE) + "."));
        }
        if (p.getKind() == PortKind.QUEUING && p.getDepth() > Limits.MAX_QUEUE_DEPTH) {
            out.add(new Violation(p, Literals.PORT__DEPTH, "Queue depth " + p.getDepth() + " of " + who
                    + " is more than the limit of " + Limits.MAX_QUEUE_DEPTH + "."));
        }
        if (p.getKind() == PortKind.SAMPLING && p.getDepth() != 0) {
            out.add(new Violation(p, Literals.PORT__DEPTH, "Sampling " + who + " has no queue 'depth': remove it, or make the port 'queuing'."));
        }
        boolean samplingDestination = p.getKind() == PortKind.SAMPLING && p.getDirection() == PortDirection.DESTINATION;
        if (p.getRefresh() != null && !samplingDestination) {
            out.add(new Violation(p, Literals.PORT__REFRESH, "Only sampling destination ports have a 'refresh' period; "
                    + who + " is not one: remove it."));
        }
    }

    /** Durations, frames and periods must be positive; offsets and WCETs may be zero. */
    /** How the attribute is written: {@code majorFrame} is {@code major-frame}. */
    private static String keyword(EStructuralFeature f) {
        return f.getName().replaceAll("(?<=[a-z])(?=[A-Z])", "-").toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean needsPositive(Time t) {
        EStructuralFeature f = t.eContainingFeature();
        return f != Literals.WINDOW__START
                && (t.eContainer() instanceof Window || t.eContainer() instanceof CoreSchedule
                        || t.eContainer() instanceof Process || t.eContainer() instanceof Port
                        || f == Literals.PARTITION__PERIOD || f == Literals.PARTITION__TIME_SLICE
                        || f == Literals.PARTITION__WATCHDOG || f == Literals.BOARD__TICK || f == Literals.BSP__TICK);
    }
}
