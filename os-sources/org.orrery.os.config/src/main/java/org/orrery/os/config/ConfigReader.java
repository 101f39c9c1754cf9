// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.CRC32;
import org.orrery.os.api.ErrorCode;

/**
 * Decodes the format of {@link ConfigFormat} and validates the result with {@link ConfigValidator}.
 * Every malformed input (truncated, bad magic, other version, bad CRC, index out of range, invalid
 * UTF-8, trailing bytes) is a {@link ConfigException} naming the field and byte offset; nothing else
 * escapes. Component order mirrors {@link ConfigWriter}.
 */
public final class ConfigReader {
    private ConfigReader() {
    }

    public static SystemConfig read(byte[] data) throws ConfigException {
        int total = data.length;
        if (total > Limits.MAX_CONFIG_BYTES) {
            throw new ConfigException("header", 0, total + " bytes, at most " + Limits.MAX_CONFIG_BYTES + " allowed");
        }
        Decoder h = new Decoder(data, 0, total);
        if (h.i32("header.magic") != ConfigFormat.MAGIC) {
            throw new ConfigException("header.magic", 0, "not an Orrery configuration (magic must be \"ORCF\")");
        }
        int version = h.u16("header.version");
        if (version != ConfigFormat.VERSION) {
            throw new ConfigException("header.version", 4, "format version " + version + " is not supported (this "
                    + "reader reads version " + ConfigFormat.VERSION + ")");
        }
        if (h.u16("header.flags") != 0) {
            throw new ConfigException("header.flags", 6, "unknown flags");
        }
        long bodyLength = h.i32("header.length") & 0xffff_ffffL;
        long expected = ConfigFormat.HEADER_BYTES + bodyLength + ConfigFormat.TRAILER_BYTES;
        if (expected != total) {
            throw new ConfigException("header.length", 8, (expected > total ? "truncated" : "trailing bytes")
                    + ": header announces " + expected + " bytes, got " + total);
        }
        int bodyEnd = total - ConfigFormat.TRAILER_BYTES;
        CRC32 crc = new CRC32();
        crc.update(data, 0, bodyEnd);
        if ((int) crc.getValue() != new Decoder(data, bodyEnd, total).i32("trailer.crc")) {
            throw new ConfigException("trailer.crc", bodyEnd, "checksum mismatch (corrupted configuration)");
        }
        Decoder d = new Decoder(data, ConfigFormat.HEADER_BYTES, bodyEnd);
        d.readStringTable();
        SystemConfig config = model(d);
        if (d.remaining() != 0) {
            throw new ConfigException("body", d.position(), d.remaining() + " unexpected bytes after the model");
        }
        ConfigValidator.check(config);
        return config;
    }

    private static SystemConfig model(Decoder d) throws ConfigException {
        String name = d.str("name");
        BoardConfig board = board(d);
        int np = d.count("partitions", Limits.MAX_PARTITIONS);
        List<PartitionConfig> partitions = new ArrayList<>();
        for (int i = 0; i < np; i++) {
            partitions.add(partition(d, "partitions[" + i + "]"));
        }
        int nr = d.count("memoryRegions", Limits.MAX_MEMORY_REGIONS);
        List<MemoryRegion> regions = new ArrayList<>();
        for (int i = 0; i < nr; i++) {
            String f = "memoryRegions[" + i + "]";
            String rn = d.str(f + ".name");
            long base = d.i64(f + ".base");
            long size = d.i64(f + ".size");
            MemoryAccess access = d.enumeration(MemoryAccess.class, f + ".access");
            boolean shared = d.bool(f + ".shared");
            int no = d.count(f + ".partitions", Limits.MAX_PARTITIONS);
            List<String> owners = new ArrayList<>();
            for (int j = 0; j < no; j++) {
                owners.add(partitions.get(d.ref(f + ".partitions[" + j + "]", np, false)).name());
            }
            regions.add(new MemoryRegion(rn, base, size, access, owners, shared));
        }
        int nc = d.count("channels", Limits.MAX_CHANNELS);
        List<ChannelConfig> channels = new ArrayList<>();
        for (int i = 0; i < nc; i++) {
            String f = "channels[" + i + "]";
            String cn = d.str(f + ".name");
            PortKind kind = d.enumeration(PortKind.class, f + ".kind");
            PortEndpoint src = endpoint(d, partitions, f + ".source");
            int nd = d.count(f + ".destinations", Limits.MAX_DESTINATIONS_PER_CHANNEL);
            List<PortEndpoint> dst = new ArrayList<>();
            for (int j = 0; j < nd; j++) {
                dst.add(endpoint(d, partitions, f + ".destinations[" + j + "]"));
            }
            channels.add(new ChannelConfig(cn, kind, src, dst, d.enumeration(OverflowPolicy.class, f + ".overflow")));
        }
        List<PlanConfig> plans = plans(d, partitions);
        String initial = plans.get(d.ref("initialPlan", plans.size(), false)).name();
        int ns = d.count("planSwitchRules", Limits.MAX_PLAN_SWITCH_RULES);
        List<PlanSwitchRule> rules = new ArrayList<>();
        for (int i = 0; i < ns; i++) {
            String f = "planSwitchRules[" + i + "]";
            int from = d.ref(f + ".fromPlan", plans.size(), true);
            int to = d.ref(f + ".toPlan", plans.size(), false);
            int part = d.ref(f + ".partition", np, false);
            rules.add(new PlanSwitchRule(from < 0 ? "" : plans.get(from).name(), plans.get(to).name(),
                    partitions.get(part).name()));
        }
        List<HmTable> hm = hmTables(d, partitions, plans);
        List<ServiceConfig> services = services(d, partitions);
        List<VmConfig> vms = vms(d, plans);
        return new SystemConfig(name, board, regions, partitions, channels, plans, initial, rules, hm, services, vms);
    }

    private static BoardConfig board(Decoder d) throws ConfigException {
        String name = d.str("board.name");
        int cores = d.i32("board.cores");
        long memory = d.i64("board.memorySize");
        long tick = d.i64("board.timerTickNs");
        boolean console = d.bool("board.console");
        int nn = d.count("board.nics", Limits.MAX_NICS);
        List<NicConfig> nics = new ArrayList<>();
        for (int i = 0; i < nn; i++) {
            String f = "board.nics[" + i + "]";
            nics.add(new NicConfig(d.str(f + ".name"), d.str(f + ".mac"), d.str(f + ".address")));
        }
        long wd = d.i64("board.hwWatchdogTimeoutNs");
        long nvram = d.i64("board.nvramSize");
        int np = d.count("board.nvramParams", Limits.MAX_NVRAM_PARAMS);
        List<NvramParam> params = new ArrayList<>();
        for (int i = 0; i < np; i++) {
            String f = "board.nvramParams[" + i + "]";
            params.add(new NvramParam(d.str(f + ".name"), d.enumeration(ParamType.class, f + ".type"),
                    d.str(f + ".value")));
        }
        int nf = d.count("board.flashSlots", Limits.MAX_FLASH_SLOTS);
        List<FlashSlot> slots = new ArrayList<>();
        for (int i = 0; i < nf; i++) {
            String f = "board.flashSlots[" + i + "]";
            slots.add(new FlashSlot(d.str(f + ".name"), d.i64(f + ".size")));
        }
        return new BoardConfig(name, cores, memory, tick, console, nics, wd, nvram, params, slots);
    }

    private static PartitionConfig partition(Decoder d, String f) throws ConfigException {
        String name = d.str(f + ".name");
        int index = d.i32(f + ".index");
        int ncores = d.count(f + ".cores", Limits.MAX_CORES);
        List<Integer> cores = new ArrayList<>();
        for (int i = 0; i < ncores; i++) {
            cores.add(d.u16(f + ".cores[" + i + "]"));
        }
        long memory = d.i64(f + ".memoryBudget");
        Criticality crit = d.enumeration(Criticality.class, f + ".criticality");
        SchedulingPolicy policy = d.enumeration(SchedulingPolicy.class, f + ".policy");
        long slice = d.i64(f + ".timeSliceNs");
        String entry = d.str(f + ".entryClass");
        String source = d.str(f + ".sourcePath");
        long watchdog = d.i64(f + ".watchdogPeriodNs");
        int npr = d.count(f + ".processes", Limits.MAX_PROCESSES_PER_PARTITION);
        List<ProcessConfig> processes = new ArrayList<>();
        for (int i = 0; i < npr; i++) {
            String g = f + ".processes[" + i + "]";
            processes.add(new ProcessConfig(d.str(g + ".name"), d.enumeration(ProcessKind.class, g + ".kind"),
                    d.i64(g + ".periodNs"), d.i64(g + ".deadlineNs"), d.u16(g + ".priority"), d.i64(g + ".wcetNs"),
                    d.i64(g + ".stackSize")));
        }
        int npo = d.count(f + ".ports", Limits.MAX_PORTS_PER_PARTITION);
        List<PortConfig> ports = new ArrayList<>();
        for (int i = 0; i < npo; i++) {
            String g = f + ".ports[" + i + "]";
            ports.add(new PortConfig(d.str(g + ".name"), d.enumeration(PortKind.class, g + ".kind"),
                    d.enumeration(PortDirection.class, g + ".direction"), d.i64(g + ".maxMessageSize"),
                    d.i64(g + ".refreshPeriodNs"), d.i32(g + ".queueDepth")));
        }
        return new PartitionConfig(name, index, cores, memory, crit, policy, slice, entry, source, watchdog,
                processes, ports);
    }

    private static PortEndpoint endpoint(Decoder d, List<PartitionConfig> partitions, String f) throws ConfigException {
        PartitionConfig p = partitions.get(d.ref(f + ".partition", partitions.size(), false));
        PortConfig port = p.ports().get(d.ref(f + ".port", p.ports().size(), false));
        return new PortEndpoint(p.name(), port.name());
    }

    private static List<PlanConfig> plans(Decoder d, List<PartitionConfig> partitions) throws ConfigException {
        int n = d.count("plans", Limits.MAX_PLANS);
        if (n == 0) {
            throw new ConfigException("plans", d.position() - 4, "at least one plan is required");
        }
        List<PlanConfig> plans = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String f = "plans[" + i + "]";
            String name = d.str(f + ".name");
            int nf = d.count(f + ".frames", Limits.MAX_CORES);
            List<CoreFrame> frames = new ArrayList<>();
            for (int j = 0; j < nf; j++) {
                String g = f + ".frames[" + j + "]";
                frames.add(new CoreFrame(d.u16(g + ".core"), d.i64(g + ".majorFrameNs")));
            }
            int nw = d.count(f + ".windows", Limits.MAX_WINDOWS_PER_PLAN);
            List<WindowConfig> windows = new ArrayList<>();
            for (int j = 0; j < nw; j++) {
                String g = f + ".windows[" + j + "]";
                int core = d.u16(g + ".core");
                long start = d.i64(g + ".startNs");
                long duration = d.i64(g + ".durationNs");
                String part = partitions.get(d.ref(g + ".partition", partitions.size(), false)).name();
                windows.add(new WindowConfig(core, start, duration, part));
            }
            plans.add(new PlanConfig(name, frames, windows));
        }
        return plans;
    }

    private static List<HmTable> hmTables(Decoder d, List<PartitionConfig> partitions, List<PlanConfig> plans)
            throws ConfigException {
        int n = d.count("hmTables", Limits.MAX_HM_TABLES);
        List<HmTable> tables = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String f = "hmTables[" + i + "]";
            int part = d.ref(f + ".partition", partitions.size(), true);
            SystemState state = d.enumeration(SystemState.class, f + ".state");
            int nr = d.count(f + ".rules", Limits.MAX_HM_RULES_PER_TABLE);
            List<HmRule> rules = new ArrayList<>();
            for (int j = 0; j < nr; j++) {
                String g = f + ".rules[" + j + "]";
                ErrorCode error = d.enumeration(ErrorCode.class, g + ".error");
                HmLevel level = d.enumeration(HmLevel.class, g + ".level");
                HmAction action = d.enumeration(HmAction.class, g + ".action");
                int plan = d.ref(g + ".planTarget", plans.size(), true);
                rules.add(new HmRule(error, level, action, plan < 0 ? "" : plans.get(plan).name()));
            }
            tables.add(new HmTable(part < 0 ? "" : partitions.get(part).name(), state, rules));
        }
        return tables;
    }

    private static List<ServiceConfig> services(Decoder d, List<PartitionConfig> partitions) throws ConfigException {
        int n = d.count("services", Limits.MAX_SERVICES);
        List<ServiceConfig> services = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String f = "services[" + i + "]";
            ServiceKind kind = d.enumeration(ServiceKind.class, f + ".kind");
            PartitionConfig p = partitions.get(d.ref(f + ".partition", partitions.size(), false));
            int port = d.ref(f + ".port", p.ports().size(), true);
            int no = d.count(f + ".options", Limits.MAX_SERVICE_OPTIONS);
            TreeMap<String, String> options = new TreeMap<>();
            for (int j = 0; j < no; j++) {
                String key = d.str(f + ".options[" + j + "].key");
                options.put(key, d.str(f + ".options[" + j + "].value"));
            }
            services.add(new ServiceConfig(kind, p.name(), port < 0 ? "" : p.ports().get(port).name(), options));
        }
        return services;
    }

    private static List<VmConfig> vms(Decoder d, List<PlanConfig> plans) throws ConfigException {
        int n = d.count("vms", Limits.MAX_VMS);
        List<VmConfig> vms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String f = "vms[" + i + "]";
            String name = d.str(f + ".name");
            VmKind kind = d.enumeration(VmKind.class, f + ".kind");
            int vcpus = d.i32(f + ".vcpus");
            long memory = d.i64(f + ".memorySize");
            int nd = d.count(f + ".devices", Limits.MAX_VM_DEVICES);
            List<String> devices = new ArrayList<>();
            for (int j = 0; j < nd; j++) {
                devices.add(d.str(f + ".devices[" + j + "]"));
            }
            String image = d.str(f + ".image");
            int nw = d.count(f + ".windows", Limits.MAX_WINDOWS_PER_PLAN);
            List<VmWindow> windows = new ArrayList<>();
            for (int j = 0; j < nw; j++) {
                String g = f + ".windows[" + j + "]";
                String plan = plans.get(d.ref(g + ".plan", plans.size(), false)).name();
                windows.add(new VmWindow(plan, d.u16(g + ".core"), d.i64(g + ".startNs"), d.i64(g + ".durationNs")));
            }
            vms.add(new VmConfig(name, kind, vcpus, memory, devices, image, windows));
        }
        return vms;
    }
}
