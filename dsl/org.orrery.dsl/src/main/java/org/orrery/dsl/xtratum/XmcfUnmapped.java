// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.xtratum;

import java.util.List;

/**
 * What XM_CF configures that Orrery has no construct for: hardware resources, trace and console devices, partition
 * start-up flags, the devices table. Each is reported as a warning at its element, saying what Orrery does instead,
 * so nothing is dropped silently. Element and attribute meanings are those of xmcparser's schema and handlers
 * (lfd/XtratuM at 3dbabf9: user/tools/xmcparser/xmc.xsd.S, process_xml.c).
 */
final class XmcfUnmapped {

    private final XmcfFindings findings;

    XmcfUnmapped(XmcfFindings findings) {
        this.findings = findings;
    }

    /** The hypervisor's own settings and the devices table. */
    void system(XmlTree root) {
        XmlTree hv = root.child("XMHypervisor");
        if (hv != null) {
            console(hv, hv.attributes.get("console"), "XtratuM");
            String hmDevice = hv.attributes.get("healthMonitoringDevice");
            if (hmDevice != null) {
                warn(hv, "XtratuM logs health-monitor events to device '" + hmDevice + "'; Orrery records every "
                        + "health-monitor event in the run's trace ('orrery run --trace DIR') instead, so the device is not imported.");
            }
            trace(hv.child("Trace"), "XtratuM");
        }
        XmlTree devices = root.child("Devices");
        if (devices != null) {
            for (XmlTree d : devices.children) {
                if (d.name.equals("MemoryBlockTable")) {
                    warn(d, "<MemoryBlockTable> is not imported (its blocks serve XtratuM as trace or storage devices): "
                            + "Orrery writes traces to files of the host ('orrery run --trace DIR'). "
                            + "Declare NVRAM or flash devices in a 'bsp' for storage a partition needs.");
                } else {
                    warn(d, "Device <" + d.name + "> '" + d.attr("name", "?") + "' is not imported: Orrery's board has one "
                            + "console that all partitions write to. Describe other devices in a 'bsp'.");
                }
            }
        }
    }

    /** One partition's flags, console, hardware resources and trace. */
    void partition(XmlTree p, String name) throws XmcfException {
        // a list, not Set.of: XM_CF may repeat a flag
        List<String> flags = List.of(p.attr("flags", "").trim().split("\\s+"));
        if (!flags.contains("boot")) {
            warn(p, "Partition '" + name + "' has no 'boot' flag: XtratuM keeps it halted until a system partition "
                    + "starts it, Orrery starts every partition at boot. Give it windows only in plans it should run in "
                    + "if it must not run from the start.");
        }
        for (String spare : new String[] {"sphost", "spguest"}) {
            if (flags.contains(spare)) {
                warn(p, "Partition '" + name + "' has the spare-scheduling flag '" + spare + "', which Orrery does not "
                        + "have: the partition runs in its own windows only. Add windows for the time it should get.");
            }
        }
        console(p, p.attributes.get("console"), "partition '" + name + "'");
        XmlTree hw = p.child("HwResources");
        if (hw != null) {
            for (XmlTree irq : hw.all("Interrupts")) {
                warn(irq, "Interrupt lines " + irq.attr("line", "").trim() + " of partition '" + name + "' are not imported: "
                        + "Orrery partitions do not own hardware interrupts. Declare the devices the partition drives, "
                        + "with their 'irq', in a 'bsp'.");
            }
            for (XmlTree io : hw.all("IoPorts")) {
                long ports = 0;
                for (XmlTree range : io.all("Range")) {
                    ports += XmcfValues.integer(range, "noPorts");
                }
                warn(io, "I/O ports of partition '" + name + "' (" + io.children.size() + " ranges, " + ports
                        + " ports) are not imported: Orrery grants memory regions, not I/O ports. Reach devices "
                        + "through memory-mapped regions or a 'bsp' device.");
            }
        }
        trace(p.child("Trace"), "partition '" + name + "'");
    }

    private void console(XmlTree at, String device, String owner) {
        if (device != null) {
            warn(at, "The console device '" + device + "' of " + owner + " is not imported: Orrery's board has one "
                    + "console, and every partition's output goes to it.");
        }
    }

    private void trace(XmlTree trace, String owner) {
        if (trace != null) {
            warn(trace, "<Trace> of " + owner + " (device '" + trace.attr("device", "?") + "', bitmask "
                    + trace.attr("bitmask", "?") + ") is not imported: Orrery traces every partition, all events, into "
                    + "the run's CTF trace ('orrery run --trace DIR').");
        }
    }

    private void warn(XmlTree at, String message) {
        findings.warn(at, message);
    }
}
