// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.arinc;

import static org.orrery.dsl.arinc.ArincNames.MODULE_EXT;

import org.orrery.os.config.BoardConfig;
import org.orrery.os.config.ChannelConfig;
import org.orrery.os.config.FlashSlot;
import org.orrery.os.config.HmRule;
import org.orrery.os.config.HmTable;
import org.orrery.os.config.MemoryRegion;
import org.orrery.os.config.NicConfig;
import org.orrery.os.config.NvramParam;
import org.orrery.os.config.ServiceConfig;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.VmConfig;
import org.orrery.os.config.VmWindow;

/** Writes {@code mod:Orrery_Module}: the module-wide facts the ARINC schema has no element for (see ModExt.xsd). */
final class ArincModuleExtension {

    private ArincModuleExtension() {
    }

    static void write(XmlOut w, SystemConfig c) {
        w.open("mod", MODULE_EXT, "Orrery_Module").attr("InitialPlan", c.initialPlan());
        board(w, c.board());
        for (MemoryRegion r : c.memoryRegions()) {
            XmlOut region = w.empty("mod", MODULE_EXT, "Region").attr("Name", r.name()).attr("Base", r.base())
                    .attr("SizeBytes", r.size()).attr("Access", r.access().name()).attr("Partitions", String.join(" ", r.partitions()));
            if (r.shared()) {
                region.attr("Shared", true); // absent means false: files without shared regions stay as they were
            }
        }
        for (ChannelConfig ch : c.channels()) {
            w.empty("mod", MODULE_EXT, "Channel_Overflow").attr("ChannelName", ch.name()).attr("Overflow", ch.overflow().name());
        }
        for (HmTable t : c.hmTables()) {
            w.open("mod", MODULE_EXT, "Hm_Table").attr("Partition", t.partition()).attr("State", t.state().name());
            for (HmRule r : t.rules()) {
                w.empty("mod", MODULE_EXT, "Rule").attr("Error", r.error().name()).attr("Level", r.level().name())
                        .attr("Action", r.action().name()).attr("Plan", r.planTarget());
            }
            w.close();
        }
        for (ServiceConfig s : c.services()) {
            w.open("mod", MODULE_EXT, "Service").attr("Kind", s.kind().name()).attr("Partition", s.partition())
                    .attr("Port", s.port());
            s.options().forEach((k, v) -> w.empty("mod", MODULE_EXT, "Option").attr("Key", k).attr("Value", v));
            w.close();
        }
        for (VmConfig vm : c.vms()) {
            w.open("mod", MODULE_EXT, "Vm").attr("Name", vm.name()).attr("Kind", vm.kind().name()).attr("Vcpus", vm.vcpus())
                    .attr("MemoryBytes", vm.memorySize()).attr("Image", vm.image());
            for (String d : vm.devices()) {
                w.empty("mod", MODULE_EXT, "Device").attr("Name", d);
            }
            for (VmWindow win : vm.windows()) {
                w.empty("mod", MODULE_EXT, "Window").attr("Plan", win.plan()).attr("Core", win.core())
                        .attr("StartNs", win.startNs()).attr("DurationNs", win.durationNs());
            }
            w.close();
        }
        w.close();
    }

    private static void board(XmlOut w, BoardConfig b) {
        w.open("mod", MODULE_EXT, "Board").attr("Name", b.name()).attr("Cores", b.cores()).attr("MemoryBytes", b.memorySize())
                .attr("TickNs", b.timerTickNs()).attr("Console", b.console()).attr("HardwareWatchdogNs", b.hwWatchdogTimeoutNs())
                .attr("NvramBytes", b.nvramSize());
        for (NicConfig n : b.nics()) {
            w.empty("mod", MODULE_EXT, "Nic").attr("Name", n.name()).attr("Mac", n.mac()).attr("Address", n.address());
        }
        for (NvramParam p : b.nvramParams()) {
            w.empty("mod", MODULE_EXT, "Nvram_Param").attr("Name", p.name()).attr("Type", p.type().name()).attr("Value", p.value());
        }
        for (FlashSlot f : b.flashSlots()) {
            w.empty("mod", MODULE_EXT, "Flash_Slot").attr("Name", f.name()).attr("SizeBytes", f.size());
        }
        w.close();
    }
}
