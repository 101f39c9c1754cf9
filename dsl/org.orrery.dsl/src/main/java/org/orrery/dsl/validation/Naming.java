// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.validation;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.orrery.dsl.orrery.Bsp;
import org.orrery.dsl.orrery.Channel;
import org.orrery.dsl.orrery.DeviceKind;
import org.orrery.dsl.orrery.MemoryRegion;
import org.orrery.dsl.orrery.Parameter;
import org.orrery.dsl.orrery.Partition;
import org.orrery.dsl.orrery.Plan;
import org.orrery.dsl.orrery.Port;
import org.orrery.dsl.orrery.Process;
import org.orrery.dsl.orrery.Service;
import org.orrery.dsl.orrery.Vm;

/** Which names share a namespace, and how to call a named thing in a message. */
final class Naming {

    private Naming() {
    }

    /**
     * Namespace of a top-level element, null if it has no name. Partitions and VMs share one, because
     * both are scheduled in windows by name.
     */
    static String namespace(EObject e) {
        if (e instanceof Partition || e instanceof Vm) {
            return "runnable";
        }
        if (e instanceof Plan || e instanceof Channel || e instanceof Bsp || e instanceof MemoryRegion
                || e instanceof Service) {
            return e.eClass().getName();
        }
        return null;
    }

    static String name(EObject e) {
        EStructuralFeature f = nameFeature(e);
        Object v = f == null ? null : e.eGet(f);
        return v instanceof String s ? s : null;
    }

    static EStructuralFeature nameFeature(EObject e) {
        return e == null ? null : e.eClass().getEStructuralFeature("name");
    }

    static String kind(EObject e) {
        if (e instanceof Partition) {
            return "partition";
        }
        if (e instanceof Vm) {
            return "VM";
        }
        if (e instanceof Bsp) {
            return "BSP";
        }
        if (e instanceof MemoryRegion) {
            return "memory region";
        }
        if (e instanceof Process) {
            return "process";
        }
        if (e instanceof Parameter) {
            return "NVRAM parameter";
        }
        return e.eClass().getName().toLowerCase(java.util.Locale.ROOT);
    }

    /** Lists of named members that must be unique within their owner. */
    static List<List<? extends EObject>> members(EObject owner) {
        if (owner instanceof Partition p) {
            return List.of(p.getProcesses(), p.getPorts());
        }
        if (owner instanceof Bsp b) {
            // NVRAM parameters form one table per board in the OS configuration, whichever device holds them.
            List<Parameter> nvram = b.getDevices().stream().filter(d -> d.getKind() == DeviceKind.NVRAM)
                    .flatMap(d -> d.getParameters().stream()).toList();
            return List.of(b.getRegions(), b.getDevices(), nvram);
        }
        return List.of();
    }

    static String qualified(Port port) {
        return port.eContainer() instanceof Partition p ? p.getName() + "." + port.getName() : port.getName();
    }

    static String qualified(Process process) {
        return process.eContainer() instanceof Partition p ? p.getName() + "." + process.getName() : process.getName();
    }
}
