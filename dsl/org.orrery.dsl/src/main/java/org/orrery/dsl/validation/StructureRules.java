// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.Check;
import org.orrery.dsl.model.SystemView;
import org.orrery.dsl.orrery.Board;
import org.orrery.dsl.orrery.Bsp;
import org.orrery.dsl.orrery.Channel;
import org.orrery.dsl.orrery.CoreSchedule;
import org.orrery.dsl.orrery.Element;
import org.orrery.dsl.orrery.Import;
import org.orrery.dsl.orrery.Model;
import org.orrery.dsl.orrery.OrreryPackage.Literals;
import org.orrery.dsl.orrery.Partition;
import org.orrery.dsl.orrery.Plan;
import org.orrery.os.config.Limits;

/** Names, the board declaration, required and in-range attributes, static limits and imports. */
public class StructureRules extends OrreryRules {

    @Check
    public void duplicateName(Model model) {
        SystemView system = system(model);
        Map<String, EObject> global = new HashMap<>();
        for (Model m : system.models()) {
            for (Element e : m.getElements()) {
                String ns = Naming.namespace(e);
                String name = Naming.name(e);
                if (ns == null || name == null) {
                    continue;
                }
                EObject first = global.putIfAbsent(ns + ":" + name, e);
                if (first != null && m == model) {
                    error("Name " + q(name) + " is already used by another " + Naming.kind(first) + "; rename one of them.",
                            e, Naming.nameFeature(e), OrreryIssueCodes.DUPLICATE_NAME);
                }
            }
        }
        for (Element e : model.getElements()) {
            for (List<? extends EObject> members : Naming.members(e)) {
                Map<String, EObject> local = new HashMap<>();
                for (EObject member : members) {
                    String name = Naming.name(member);
                    EObject first = name == null ? null : local.putIfAbsent(name, member);
                    if (first != null) {
                        error("Name " + q(name) + " is already used by another " + Naming.kind(first) + " of "
                                + Naming.kind(e) + " " + q(Naming.name(e)) + "; rename one of them.",
                                member, Naming.nameFeature(member), OrreryIssueCodes.DUPLICATE_NAME);
                    }
                }
            }
        }
    }

    @Check
    public void boardCount(Model model) {
        if (!isSystemRoot(model)) {
            return;
        }
        SystemView system = system(model);
        if (system.boards().isEmpty()) {
            error("System " + q(model.getSystem().getName()) + " declares no board; add one, e.g. 'board sim { cores 1 memory 64 MiB tick 1 ms }'.",
                    model.getSystem(), Literals.SYSTEM_HEADER__NAME, OrreryIssueCodes.BOARD_COUNT);
        }
        for (Board extra : system.boards().subList(Math.min(1, system.boards().size()), system.boards().size())) {
            if (SystemView.modelOf(extra) == model) {
                error("A system has one board; another board is already declared: remove one of them.", extra, null,
                        OrreryIssueCodes.BOARD_COUNT);
            }
        }
    }

    @Check
    public void requiredAttribute(EObject object) {
        for (RequiredAttributes.Missing m : RequiredAttributes.missing(object)) {
            error(m.message(), object, m.feature(), OrreryIssueCodes.REQUIRED_ATTRIBUTE);
        }
    }

    @Check
    public void valueRange(EObject object) {
        for (ValueRanges.Violation v : ValueRanges.violations(object)) {
            error(v.message(), v.object(), v.feature(), OrreryIssueCodes.VALUE_RANGE);
        }
    }

    @Check
    public void limitExceeded(Model model) {
        if (isSystemRoot(model)) {
            SystemView s = system(model);
            String sys = "System " + q(model.getSystem().getName());
            over(sys, "partitions", s.partitions().size(), Limits.MAX_PARTITIONS, model);
            over(sys, "channels", s.channels().size(), Limits.MAX_CHANNELS, model);
            over(sys, "plans", s.plans().size(), Limits.MAX_PLANS, model);
            over(sys, "services", s.services().size(), Limits.MAX_SERVICES, model);
            over(sys, "VMs", s.vms().size(), Limits.MAX_VMS, model);
            over(sys, "memory regions", s.regions().size(), Limits.MAX_MEMORY_REGIONS, model);
        }
        for (Element e : model.getElements()) {
            if (e instanceof Partition p) {
                over("Partition " + q(p.getName()), "processes", p.getProcesses().size(),
                        Limits.MAX_PROCESSES_PER_PARTITION, p);
                over("Partition " + q(p.getName()), "ports", p.getPorts().size(), Limits.MAX_PORTS_PER_PARTITION, p);
            } else if (e instanceof Channel c) {
                over("Channel " + q(c.getName()), "destinations", c.getDestinations().size(),
                        Limits.MAX_DESTINATIONS_PER_CHANNEL, c);
            } else if (e instanceof Plan p) {
                int windows = 0;
                for (CoreSchedule cs : p.getCores()) {
                    windows += cs.getWindows().size();
                }
                over("Plan " + q(p.getName()), "windows", windows, Limits.MAX_WINDOWS_PER_PLAN, p);
            } else if (e instanceof Bsp b) {
                over("BSP " + q(b.getName()), "memory regions", b.getRegions().size(), Limits.MAX_MEMORY_REGIONS, b);
            }
        }
    }

    private void over(String owner, String what, int count, int limit, EObject at) {
        if (count > limit) {
            EObject target = at instanceof Model m ? m.getSystem() : at;
            error(owner + " has " + count + " " + what + ", more than the limit of " + limit + ".", target,
                    target instanceof Model ? null : Naming.nameFeature(target), OrreryIssueCodes.LIMIT_EXCEEDED);
        }
    }

    @Check
    public void importUnresolved(Import imp) {
        Model from = SystemView.modelOf(imp);
        if (SystemView.load(from, imp.getImportURI()) == null) {
            error("Cannot import " + q(imp.getImportURI()) + ": no such Orrery file.", imp,
                    Literals.IMPORT__IMPORT_URI, OrreryIssueCodes.IMPORT_UNRESOLVED);
        }
    }
}
