// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Encodes a valid {@link SystemConfig} in the format of {@link ConfigFormat}. Deterministic: the same
 * model always gives the same bytes (lists keep their order, maps are sorted, strings are numbered by
 * first use). Component order mirrors {@link ConfigReader}.
 */
public final class ConfigWriter {
    private ConfigWriter() {
    }

    /** The encoded configuration; refuses an invalid model with every problem listed. */
    public static byte[] write(SystemConfig c) throws ConfigException {
        ConfigValidator.check(c);
        // Channel endpoints and windows name partitions: index them once (linear scans per reference made
        // writing 10,000 channels quadratic in the partition count).
        Map<String, Integer> partitionIndex = new HashMap<>();
        for (PartitionConfig p : c.partitions()) {
            partitionIndex.put(p.name(), p.index());
        }
        Encoder e = new Encoder();
        e.str(c.name());
        board(e, c.board());
        e.count(c.partitions().size());
        for (PartitionConfig p : c.partitions()) {
            partition(e, p);
        }
        e.count(c.memoryRegions().size());
        for (MemoryRegion r : c.memoryRegions()) {
            e.str(r.name());
            e.i64(r.base());
            e.i64(r.size());
            e.enumeration(r.access());
            e.bool(r.shared());
            e.count(r.partitions().size());
            for (String owner : r.partitions()) {
                e.u16(partitionIndex.get(owner));
            }
        }
        e.count(c.channels().size());
        for (ChannelConfig ch : c.channels()) {
            e.str(ch.name());
            e.enumeration(ch.kind());
            endpoint(e, c, partitionIndex, ch.source());
            e.count(ch.destinations().size());
            for (PortEndpoint d : ch.destinations()) {
                endpoint(e, c, partitionIndex, d);
            }
            e.enumeration(ch.overflow());
        }
        plans(e, c, partitionIndex);
        hm(e, c);
        services(e, c);
        vms(e, c);
        return frame(e);
    }

    private static void board(Encoder e, BoardConfig b) {
        e.str(b.name());
        e.i32(b.cores());
        e.i64(b.memorySize());
        e.i64(b.timerTickNs());
        e.bool(b.console());
        e.count(b.nics().size());
        for (NicConfig n : b.nics()) {
            e.str(n.name());
            e.str(n.mac());
            e.str(n.address());
        }
        e.i64(b.hwWatchdogTimeoutNs());
        e.i64(b.nvramSize());
        e.count(b.nvramParams().size());
        for (NvramParam p : b.nvramParams()) {
            e.str(p.name());
            e.enumeration(p.type());
            e.str(p.value());
        }
        e.count(b.flashSlots().size());
        for (FlashSlot s : b.flashSlots()) {
            e.str(s.name());
            e.i64(s.size());
        }
    }

    private static void partition(Encoder e, PartitionConfig p) {
        e.str(p.name());
        e.i32(p.index());
        e.count(p.cores().size());
        for (int core : p.cores()) {
            e.u16(core);
        }
        e.i64(p.memoryBudget());
        e.enumeration(p.criticality());
        e.enumeration(p.policy());
        e.i64(p.timeSliceNs());
        e.str(p.entryClass());
        e.str(p.sourcePath());
        e.i64(p.watchdogPeriodNs());
        e.count(p.processes().size());
        for (ProcessConfig pr : p.processes()) {
            e.str(pr.name());
            e.enumeration(pr.kind());
            e.i64(pr.periodNs());
            e.i64(pr.deadlineNs());
            e.u16(pr.priority());
            e.i64(pr.wcetNs());
            e.i64(pr.stackSize());
        }
        e.count(p.ports().size());
        for (PortConfig port : p.ports()) {
            e.str(port.name());
            e.enumeration(port.kind());
            e.enumeration(port.direction());
            e.i64(port.maxMessageSize());
            e.i64(port.refreshPeriodNs());
            e.i32(port.queueDepth());
        }
    }

    private static void endpoint(Encoder e, SystemConfig c, Map<String, Integer> partitionIndex, PortEndpoint p) {
        int pi = partitionIndex.get(p.partition());
        e.u16(pi);
        e.u16(c.partitions().get(pi).portIndex(p.port()));
    }

    private static void plans(Encoder e, SystemConfig c, Map<String, Integer> partitionIndex) {
        e.count(c.plans().size());
        for (PlanConfig plan : c.plans()) {
            e.str(plan.name());
            e.count(plan.frames().size());
            for (CoreFrame f : plan.frames()) {
                e.u16(f.core());
                e.i64(f.majorFrameNs());
            }
            e.count(plan.windows().size());
            for (WindowConfig w : plan.windows()) {
                e.u16(w.core());
                e.i64(w.startNs());
                e.i64(w.durationNs());
                e.u16(partitionIndex.get(w.partition()));
            }
        }
        e.u16(c.planIndex(c.initialPlan()));
        e.count(c.planSwitchRules().size());
        for (PlanSwitchRule r : c.planSwitchRules()) {
            e.u16(r.fromPlan().isEmpty() ? -1 : c.planIndex(r.fromPlan()));
            e.u16(c.planIndex(r.toPlan()));
            e.u16(c.partitionIndex(r.partition()));
        }
    }

    private static void hm(Encoder e, SystemConfig c) {
        e.count(c.hmTables().size());
        for (HmTable t : c.hmTables()) {
            e.u16(t.partition().isEmpty() ? -1 : c.partitionIndex(t.partition()));
            e.enumeration(t.state());
            e.count(t.rules().size());
            for (HmRule r : t.rules()) {
                e.enumeration(r.error());
                e.enumeration(r.level());
                e.enumeration(r.action());
                e.u16(r.planTarget().isEmpty() ? -1 : c.planIndex(r.planTarget()));
            }
        }
    }

    private static void services(Encoder e, SystemConfig c) {
        e.count(c.services().size());
        for (ServiceConfig s : c.services()) {
            e.enumeration(s.kind());
            int pi = c.partitionIndex(s.partition());
            e.u16(pi);
            e.u16(s.port().isEmpty() ? -1 : c.partitions().get(pi).portIndex(s.port()));
            e.count(s.options().size());
            s.options().forEach((k, v) -> {
                e.str(k);
                e.str(v);
            });
        }
    }

    private static void vms(Encoder e, SystemConfig c) {
        e.count(c.vms().size());
        for (VmConfig vm : c.vms()) {
            e.str(vm.name());
            e.enumeration(vm.kind());
            e.i32(vm.vcpus());
            e.i64(vm.memorySize());
            e.count(vm.devices().size());
            for (String d : vm.devices()) {
                e.str(d);
            }
            e.str(vm.image());
            e.count(vm.windows().size());
            for (VmWindow w : vm.windows()) {
                e.u16(c.planIndex(w.plan()));
                e.u16(w.core());
                e.i64(w.startNs());
                e.i64(w.durationNs());
            }
        }
    }

    private static byte[] frame(Encoder e) {
        byte[] strings = e.strings();
        byte[] body = e.body();
        int bodyLength = strings.length + body.length;
        ByteBuffer buf = ByteBuffer.allocate(ConfigFormat.HEADER_BYTES + bodyLength + ConfigFormat.TRAILER_BYTES);
        buf.putInt(ConfigFormat.MAGIC).putShort((short) ConfigFormat.VERSION).putShort((short) 0).putInt(bodyLength);
        buf.put(strings).put(body);
        CRC32 crc = new CRC32();
        crc.update(buf.array(), 0, buf.position());
        buf.putInt((int) crc.getValue());
        return buf.array();
    }
}
