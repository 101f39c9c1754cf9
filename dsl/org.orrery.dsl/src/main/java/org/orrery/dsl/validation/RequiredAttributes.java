// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.validation;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.orrery.dsl.orrery.Device;
import org.orrery.dsl.orrery.DeviceKind;
import org.orrery.dsl.orrery.OrreryPackage.Literals;
import org.orrery.dsl.orrery.Partition;
import org.orrery.dsl.orrery.Policy;
import org.orrery.dsl.orrery.Port;
import org.orrery.dsl.orrery.PortKind;
import org.orrery.dsl.orrery.Process;
import org.orrery.dsl.orrery.ProcessKind;
import org.orrery.dsl.orrery.Vm;

/**
 * The attributes the grammar leaves optional (so a half-written file still parses and completes) but a
 * system needs. The table is the rule's data; {@link StructureRules#requiredAttribute} reports it.
 */
final class RequiredAttributes {

    record Missing(EStructuralFeature feature, String message) {
    }

    private RequiredAttributes() {
    }

    static List<Missing> missing(EObject o) {
        List<Missing> out = new ArrayList<>(2);
        if (o instanceof Partition p) {
            String who = "Partition " + OrreryRules.q(p.getName());
            if (p.getMemory() == null) {
                out.add(new Missing(Literals.PARTITION__NAME, who + " must declare its memory budget ('memory')."));
            }
            if (p.getCores().isEmpty()) {
                out.add(new Missing(Literals.PARTITION__NAME, who + " must declare the cores it may run on ('cores')."));
            }
            if (p.getApplication() == null) {
                out.add(new Missing(Literals.PARTITION__NAME, who + " must declare its 'application'."));
            }
            if (p.getPolicy() == Policy.ROUND_ROBIN && p.getTimeSlice() == null) {
                out.add(new Missing(Literals.PARTITION__POLICY, who + " uses round-robin and must declare a 'time-slice'."));
            }
        } else if (o instanceof Process p) {
            if (p.getKind() == ProcessKind.PERIODIC && p.getPeriod() == null) {
                out.add(new Missing(Literals.PROCESS__NAME, "Periodic process " + OrreryRules.q(p.getName())
                        + " must declare its 'period'."));
            }
        } else if (o instanceof Port p) {
            if (p.getMessageSize() == null) {
                out.add(new Missing(Literals.PORT__NAME, "Port " + OrreryRules.q(p.getName())
                        + " must declare its message 'size'."));
            }
            if (p.getKind() == PortKind.QUEUING && p.getDepth() == 0) {
                out.add(new Missing(Literals.PORT__NAME, "Queuing port " + OrreryRules.q(p.getName())
                        + " must declare its queue 'depth'."));
            }
        } else if (o instanceof Device d) {
            String who = "Device " + OrreryRules.q(d.getName());
            if ((d.getKind() == DeviceKind.FLASH || d.getKind() == DeviceKind.NVRAM) && d.getSize() == null) {
                out.add(new Missing(Literals.DEVICE__NAME, who + " must declare its 'size'."));
            }
            if (d.getKind() == DeviceKind.WATCHDOG && d.getTimeout() == null) {
                out.add(new Missing(Literals.DEVICE__NAME, who + " must declare its 'timeout'."));
            }
        } else if (o instanceof Vm v) {
            String who = "VM " + OrreryRules.q(v.getName());
            if (v.getVcpus() == 0) {
                out.add(new Missing(Literals.VM__NAME, who + " must declare its 'vcpus'."));
            }
            if (v.getMemory() == null) {
                out.add(new Missing(Literals.VM__NAME, who + " must declare its 'memory'."));
            }
            if (v.getKernel() == null && v.getDisk() == null) {
                out.add(new Missing(Literals.VM__NAME, who + " must declare a 'kernel' or 'disk' image."));
            }
        }
        return out;
    }
}
