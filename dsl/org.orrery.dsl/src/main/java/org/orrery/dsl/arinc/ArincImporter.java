// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.arinc;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.orrery.dsl.xtratum.XmcfException;
import org.orrery.dsl.xtratum.XmlTree;
import org.orrery.os.config.BoardConfig;
import org.orrery.os.config.ChannelConfig;
import org.orrery.os.config.CoreFrame;
import org.orrery.os.config.Criticality;
import org.orrery.os.config.FlashSlot;
import org.orrery.os.config.HmTable;
import org.orrery.os.config.MemoryAccess;
import org.orrery.os.config.MemoryRegion;
import org.orrery.os.config.NicConfig;
import org.orrery.os.config.NvramParam;
import org.orrery.os.config.OverflowPolicy;
import org.orrery.os.config.ParamType;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.PlanConfig;
import org.orrery.os.config.PlanSwitchRule;
import org.orrery.os.config.PortConfig;
import org.orrery.os.config.PortDirection;
import org.orrery.os.config.PortEndpoint;
import org.orrery.os.config.PortKind;
import org.orrery.os.config.ProcessConfig;
import org.orrery.os.config.ProcessKind;
import org.orrery.os.config.SchedulingPolicy;
import org.orrery.os.config.ServiceConfig;
import org.orrery.os.config.ServiceKind;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.VmConfig;
import org.orrery.os.config.VmKind;
import org.orrery.os.config.VmWindow;
import org.orrery.os.config.WindowConfig;

/**
 * Reads an ARINC 653 module configuration ({@code ARINC_653_Module}) into Orrery's configuration: the standard
 * elements, and Orrery's own extensions where {@link ArincExporter} wrote them. Elements of other vendors'
 * extensions are skipped with a warning naming their line; what Orrery cannot represent (channels to
 * partitions outside the module, unknown partitions) is an {@link ArincException}. Namespaces are not
 * checked: Orrery's extension elements are recognised by their {@code Orrery_} names.
 */
public final class ArincImporter {

    private static final long DEFAULT_BOARD_MEMORY = 256L << 20;
    private static final long DEFAULT_PARTITION_MEMORY = 1L << 20;
    private static final long DEFAULT_STACK = 16L << 10;

    private final List<ArincImport.Finding> warnings = new ArrayList<>();
    private final Map<Integer, String> names = new LinkedHashMap<>();
    private final Set<String> systemPartitions = new LinkedHashSet<>();
    private final List<Long> times = new ArrayList<>();
    private XmlTree orrery;

    private ArincImporter() {
    }

    public static ArincImport importFrom(InputStream xml) throws ArincException, IOException {
        XmlTree root;
        try {
            root = XmlTree.parse(xml);
        } catch (XmcfException e) {
            throw new ArincException(e.line(), e.column(), e.getMessage());
        }
        if (!root.name.equals("ARINC_653_Module")) {
            throw new ArincException(root.line, root.column, "expected <ARINC_653_Module>, found <" + root.name + ">");
        }
        return new ArincImporter().read(root);
    }

    private ArincImport read(XmlTree root) throws ArincException {
        orrery = root.child("Orrery_Module");
        skipUnknown(root, "System_HM_Table", "Module_HM_Table", "Partition", "Partition_Memory", "Module_Schedule",
                "Partition_HM_Table", "Connection_Table", "Orrery_Module");
        List<XmlTree> partitionElements = root.all("Partition");
        for (XmlTree p : partitionElements) {
            int id = ArincValues.integer(p, "PartitionIdentifier");
            if (names.containsKey(id)) {
                throw new ArincException(p.line, p.column, "partition identifier " + id + " is used twice");
            }
            names.put(id, ArincValues.name(p.attr("PartitionName", "p" + id)));
        }
        Map<String, Long> budgets = budgets(root);
        List<PlanConfig> plans = new ArrayList<>();
        List<PlanSwitchRule> switches = new ArrayList<>();
        String initial = "";
        Map<String, TreeSet<Integer>> coresUsed = new HashMap<>();
        for (XmlTree schedule : root.all("Module_Schedule")) {
            PlanConfig plan = plan(schedule, switches, coresUsed);
            plans.add(plan);
            if (initial.isEmpty() && Boolean.parseBoolean(schedule.attr("InitialModuleSchedule", "false"))) {
                initial = plan.name();
            }
        }
        switches = expandAnyTarget(switches, plans);
        if (plans.isEmpty()) {
            throw new ArincException(root.line, root.column, "no <Module_Schedule>: Orrery needs at least one plan");
        }
        if (orrery != null) {
            initial = ArincValues.text(orrery, "InitialPlan");
        } else if (initial.isEmpty()) {
            initial = plans.get(0).name();
        }
        List<PartitionConfig> partitions = new ArrayList<>();
        for (XmlTree p : partitionElements) {
            String name = names.get(ArincValues.integer(p, "PartitionIdentifier"));
            partitions.add(partition(p, name, partitions.size(), budgets.getOrDefault(name, DEFAULT_PARTITION_MEMORY),
                    coresUsed.getOrDefault(name, new TreeSet<>(List.of(0)))));
            if (Boolean.parseBoolean(p.attr("SystemPartition", "false"))) {
                systemPartitions.add(name);
            }
        }
        List<ChannelConfig> channels = channels(root, partitions);
        List<HmTable> hm = orrery != null ? ArincModuleReader.hmTables(orrery) : new ArincHealthImport(names, warnings).tables(root);
        BoardConfig board = orrery != null ? ArincModuleReader.board(orrery)
                : defaultBoard(partitions, plans);
        SystemConfig config = new SystemConfig(ArincValues.name(root.attr("ModuleName", "module")), board,
                orrery != null ? ArincModuleReader.regions(orrery) : List.of(), partitions, channels, plans, initial,
                switches, hm, orrery != null ? ArincModuleReader.services(orrery) : List.of(),
                orrery != null ? ArincModuleReader.vms(orrery) : List.of());
        return new ArincImport(config, systemPartitions, List.copyOf(warnings));
    }

    private Map<String, Long> budgets(XmlTree root) throws ArincException {
        Map<String, Long> budgets = new HashMap<>();
        for (XmlTree pm : root.all("Partition_Memory")) {
            String name = partitionName(pm);
            long sum = 0;
            for (XmlTree req : pm.all("Memory_Requirements")) {
                boolean fixed = req.attributes.containsKey("PhysicalAddress");
                if (fixed && orrery != null) {
                    continue; // a region granted to the partition: read from Orrery's module extension
                }
                if (fixed) {
                    warn(req, "memory at physical address " + req.attr("PhysicalAddress", "")
                            + " is counted in the partition's budget; Orrery places partition memory itself");
                }
                sum += ArincValues.number(req, "SizeBytes");
            }
            budgets.merge(name, sum, Long::sum);
            skipUnknown(pm, "Memory_Requirements");
        }
        return budgets;
    }

    private PartitionConfig partition(XmlTree p, String name, int index, long budget, TreeSet<Integer> cores)
            throws ArincException {
        skipUnknown(p, "Sampling_Port", "Queuing_Port", "Process", "Orrery_Partition");
        Criticality criticality = Criticality.valueOf(p.attr("Criticality", "LEVEL_A").replace("LEVEL_", ""));
        String entry = p.attr("EntryPoint", "");
        XmlTree ext = p.child("Orrery_Partition");
        if (ext == null && !entry.contains(".")) {
            warn(p, "EntryPoint '" + entry + "' is not a Java class; the partition gets the placeholder application "
                    + "'imported." + name + ".Application'");
            entry = "imported." + name + ".Application";
        }
        List<PortConfig> ports = new ArrayList<>();
        for (XmlTree port : p.children) {
            if (port.name.equals("Sampling_Port") || port.name.equals("Queuing_Port")) {
                ports.add(port(port));
            }
        }
        List<ProcessConfig> processes = new ArrayList<>();
        for (XmlTree pr : p.all("Process")) {
            processes.add(process(pr, processes.size()));
        }
        if (ext == null) {
            return new PartitionConfig(name, index, List.copyOf(cores), budget, criticality, SchedulingPolicy.FIXED_PRIORITY,
                    0, entry, "", 0, processes, ports);
        }
        List<Integer> extCores = Arrays.stream(ArincValues.text(ext, "Cores").trim().split("\\s+")).map(Integer::valueOf).toList();
        return new PartitionConfig(name, index, extCores, budget, criticality,
                SchedulingPolicy.valueOf(ArincValues.text(ext, "Policy")), ArincValues.number(ext, "TimeSliceNs"), entry,
                ext.attr("Source", ""), ArincValues.number(ext, "WatchdogNs"), processes, ports);
    }

    private PortConfig port(XmlTree port) throws ArincException {
        skipUnknown(port);
        boolean sampling = port.name.equals("Sampling_Port");
        PortDirection direction = PortDirection.valueOf(ArincValues.text(port, "Direction"));
        long refresh = 0;
        if (sampling && direction == PortDirection.DESTINATION) {
            refresh = ArincValues.seconds(port, "RefreshRateSeconds");
            times.add(refresh);
        }
        return new PortConfig(ArincValues.name(ArincValues.text(port, "Name")), sampling ? PortKind.SAMPLING : PortKind.QUEUING,
                direction, ArincValues.number(port, "MaxMessageSize"), refresh,
                sampling ? 0 : (int) ArincValues.number(port, "MaxNbMessages"));
    }

    private ProcessConfig process(XmlTree pr, int index) throws ArincException {
        skipUnknown(pr, "Orrery_Process");
        String name = ArincValues.name(pr.attr("Name", "process" + index));
        long stack = pr.attributes.containsKey("StackSize") ? ArincValues.number(pr, "StackSize") : DEFAULT_STACK;
        XmlTree ext = pr.child("Orrery_Process");
        if (ext == null) {
            return new ProcessConfig(name, ProcessKind.APERIODIC, 0, 0, 0, 0, stack);
        }
        return new ProcessConfig(name, ProcessKind.valueOf(ArincValues.text(ext, "Kind")), ArincValues.number(ext, "PeriodNs"),
                ArincValues.number(ext, "DeadlineNs"), (int) ArincValues.number(ext, "Priority"),
                ArincValues.number(ext, "WcetNs"), stack);
    }

    private PlanConfig plan(XmlTree schedule, List<PlanSwitchRule> switches, Map<String, TreeSet<Integer>> coresUsed)
            throws ArincException {
        skipUnknown(schedule, "Partition_Schedule", "Orrery_Plan");
        String name = ArincValues.name(schedule.attr("ScheduleName", "schedule" + schedule.attr("ScheduleIdentifier", "")));
        long major = ArincValues.seconds(schedule, "MajorFrameSeconds");
        times.add(major);
        List<WindowConfig> windows = new ArrayList<>();
        List<String> mayRequest = new ArrayList<>();
        for (XmlTree ps : schedule.all("Partition_Schedule")) {
            skipUnknown(ps, "Window_Schedule", "Orrery_Window");
            String partition = partitionName(ps);
            Map<String, Integer> coreOf = new HashMap<>();
            for (XmlTree ow : ps.all("Orrery_Window")) {
                coreOf.put(ArincValues.text(ow, "WindowIdentifier"), (int) ArincValues.number(ow, "Core"));
            }
            if (Boolean.parseBoolean(ps.attr("SetModuleSchedule", "false"))) {
                mayRequest.add(partition);
            }
            for (XmlTree ws : ps.all("Window_Schedule")) {
                skipUnknown(ws);
                int core = coreOf.getOrDefault(ArincValues.text(ws, "WindowIdentifier"), 0);
                long start = ArincValues.seconds(ws, "WindowStartSeconds");
                long duration = ArincValues.seconds(ws, "WindowDurationSeconds");
                times.add(start);
                times.add(duration);
                windows.add(new WindowConfig(core, start, duration, partition));
                coresUsed.computeIfAbsent(partition, k -> new TreeSet<>()).add(core);
            }
        }
        windows.sort((a, b) -> a.core() != b.core() ? Integer.compare(a.core(), b.core()) : Long.compare(a.startNs(), b.startNs()));
        XmlTree ext = schedule.child("Orrery_Plan");
        List<CoreFrame> frames = new ArrayList<>();
        if (ext != null) {
            for (XmlTree f : ext.all("Frame")) {
                frames.add(new CoreFrame((int) ArincValues.number(f, "Core"), ArincValues.number(f, "MajorFrameNs")));
            }
            for (XmlTree s : ext.all("Switch")) {
                switches.add(new PlanSwitchRule(name, ArincValues.text(s, "To"), ArincValues.text(s, "By")));
            }
        } else {
            new TreeSet<>(windows.stream().map(WindowConfig::core).toList()).forEach(core -> frames.add(new CoreFrame(core, major)));
            if (frames.isEmpty()) {
                frames.add(new CoreFrame(0, major));
            }
            // SetModuleSchedule: the partition may switch this schedule; the targets are the module's other schedules.
            for (String p : mayRequest) {
                switches.add(new PlanSwitchRule(name, "*", p));
            }
        }
        return new PlanConfig(name, frames, windows);
    }

    /** A partition that may set the module schedule may switch to every other schedule. */
    private static List<PlanSwitchRule> expandAnyTarget(List<PlanSwitchRule> switches, List<PlanConfig> plans) {
        List<PlanSwitchRule> out = new ArrayList<>();
        for (PlanSwitchRule r : switches) {
            if (!r.toPlan().equals("*")) {
                out.add(r);
                continue;
            }
            plans.stream().map(PlanConfig::name).filter(n -> !n.equals(r.fromPlan()))
                    .forEach(n -> out.add(new PlanSwitchRule(r.fromPlan(), n, r.partition())));
        }
        return out;
    }

    private List<ChannelConfig> channels(XmlTree root, List<PartitionConfig> partitions) throws ArincException {
        List<ChannelConfig> channels = new ArrayList<>();
        XmlTree table = root.child("Connection_Table");
        if (table == null) {
            return channels;
        }
        skipUnknown(table, "Channel");
        Map<String, String> overflow = new HashMap<>();
        if (orrery != null) {
            for (XmlTree o : orrery.all("Channel_Overflow")) {
                overflow.put(ArincValues.text(o, "ChannelName"), ArincValues.text(o, "Overflow"));
            }
        }
        for (XmlTree ch : table.all("Channel")) {
            skipUnknown(ch, "Source", "Destination");
            String name = ArincValues.name(ch.attr("ChannelName", "channel" + ch.attr("ChannelIdentifier", "")));
            XmlTree src = ch.child("Source");
            if (src == null || ch.all("Destination").isEmpty()) {
                throw new ArincException(ch.line, ch.column, "<Channel> needs a <Source> and a <Destination>");
            }
            PortEndpoint source = endpoint(src);
            List<PortEndpoint> destinations = new ArrayList<>();
            for (XmlTree d : ch.all("Destination")) {
                destinations.add(endpoint(d));
            }
            PortKind kind = partitions.stream().filter(p -> p.name().equals(source.partition())).findFirst()
                    .flatMap(p -> p.port(source.port())).map(PortConfig::kind)
                    .orElseThrow(() -> new ArincException(src.line, src.column, "no port " + source + " for the channel's source"));
            OverflowPolicy policy = kind == PortKind.SAMPLING ? OverflowPolicy.DROP_OLDEST
                    : OverflowPolicy.valueOf(overflow.getOrDefault(name, OverflowPolicy.BLOCK.name()));
            channels.add(new ChannelConfig(name, kind, source, destinations, policy));
        }
        return channels;
    }

    private PortEndpoint endpoint(XmlTree end) throws ArincException {
        XmlTree sp = end.child("Standard_Partition");
        if (sp == null) {
            XmlTree other = end.children.isEmpty() ? end : end.children.get(0);
            throw new ArincException(other.line, other.column, "<" + other.name + ">: Orrery cannot represent a channel "
                    + "end outside the module's partitions (Pseudo_Partition)");
        }
        return new PortEndpoint(partitionName(sp), ArincValues.name(ArincValues.text(sp, "PortName")));
    }

    private String partitionName(XmlTree e) throws ArincException {
        int id = ArincValues.integer(e, "PartitionIdentifier");
        String name = names.get(id);
        if (name == null) {
            throw new ArincException(e.line, e.column, "no <Partition> with identifier " + id);
        }
        return name;
    }

    /** A board big enough for the partitions, with the coarsest tick every imported time is a multiple of. */
    private BoardConfig defaultBoard(List<PartitionConfig> partitions, List<PlanConfig> plans) {
        int cores = 1 + plans.stream().flatMap(p -> p.frames().stream()).mapToInt(CoreFrame::core).max().orElse(0);
        long memory = Math.max(DEFAULT_BOARD_MEMORY, partitions.stream().mapToLong(PartitionConfig::memoryBudget).sum());
        memory = (memory + (1L << 20) - 1) & -(1L << 20);
        long tick = 1;
        for (long t : new long[] {1_000_000L, 100_000L, 10_000L, 1_000L, 100L, 10L}) {
            if (times.stream().allMatch(x -> x % t == 0)) {
                tick = t;
                break;
            }
        }
        return new BoardConfig("sim", cores, memory, tick, true, List.of(), 0, 0, List.of(), List.of());
    }

    /** Warns about every child that is not one of {@code known}: another vendor's extension. */
    private void skipUnknown(XmlTree parent, String... known) {
        Set<String> k = Set.of(known);
        for (XmlTree c : parent.children) {
            if (!k.contains(c.name)) {
                warn(c, "<" + c.name + "> in <" + parent.name + "> is not ARINC 653 or Orrery; skipped");
            }
        }
    }

    private void warn(XmlTree at, String message) {
        warnings.add(new ArincImport.Finding(at.line, at.column, message));
    }

    /** Orrery's module extension, read back. */
    private static final class ArincModuleReader {

        static BoardConfig board(XmlTree ext) throws ArincException {
            XmlTree b = ext.child("Board");
            if (b == null) {
                throw new ArincException(ext.line, ext.column, "<Orrery_Module> lacks its <Board>");
            }
            List<NicConfig> nics = new ArrayList<>();
            for (XmlTree n : b.all("Nic")) {
                nics.add(new NicConfig(ArincValues.text(n, "Name"), n.attr("Mac", ""), n.attr("Address", "")));
            }
            List<NvramParam> params = new ArrayList<>();
            for (XmlTree p : b.all("Nvram_Param")) {
                params.add(new NvramParam(ArincValues.text(p, "Name"), ParamType.valueOf(ArincValues.text(p, "Type")),
                        ArincValues.text(p, "Value")));
            }
            List<FlashSlot> slots = new ArrayList<>();
            for (XmlTree f : b.all("Flash_Slot")) {
                slots.add(new FlashSlot(ArincValues.text(f, "Name"), ArincValues.number(f, "SizeBytes")));
            }
            return new BoardConfig(ArincValues.text(b, "Name"), (int) ArincValues.number(b, "Cores"),
                    ArincValues.number(b, "MemoryBytes"), ArincValues.number(b, "TickNs"),
                    Boolean.parseBoolean(ArincValues.text(b, "Console")), nics, ArincValues.number(b, "HardwareWatchdogNs"),
                    ArincValues.number(b, "NvramBytes"), params, slots);
        }

        static List<MemoryRegion> regions(XmlTree ext) throws ArincException {
            List<MemoryRegion> out = new ArrayList<>();
            for (XmlTree r : ext.all("Region")) {
                String granted = r.attr("Partitions", "").trim();
                out.add(new MemoryRegion(ArincValues.text(r, "Name"), ArincValues.number(r, "Base"),
                        ArincValues.number(r, "SizeBytes"), MemoryAccess.valueOf(ArincValues.text(r, "Access")),
                        granted.isEmpty() ? List.of() : List.of(granted.split("\\s+")),
                        Boolean.parseBoolean(r.attr("Shared", "false"))));
            }
            return out;
        }

        static List<HmTable> hmTables(XmlTree ext) throws ArincException {
            List<HmTable> out = new ArrayList<>();
            for (XmlTree t : ext.all("Hm_Table")) {
                List<org.orrery.os.config.HmRule> rules = new ArrayList<>();
                for (XmlTree r : t.all("Rule")) {
                    rules.add(new org.orrery.os.config.HmRule(
                            ArincNames.errorCode(ArincValues.text(r, "Error")).orElseThrow(
                                    () -> new ArincException(r.line, r.column, "unknown error code " + r.attr("Error", ""))),
                            org.orrery.os.config.HmLevel.valueOf(ArincValues.text(r, "Level")),
                            org.orrery.os.config.HmAction.valueOf(ArincValues.text(r, "Action")), r.attr("Plan", "")));
                }
                out.add(new HmTable(t.attr("Partition", ""), org.orrery.os.config.SystemState.valueOf(ArincValues.text(t, "State")),
                        rules));
            }
            return out;
        }

        static List<ServiceConfig> services(XmlTree ext) throws ArincException {
            List<ServiceConfig> out = new ArrayList<>();
            for (XmlTree s : ext.all("Service")) {
                TreeMap<String, String> options = new TreeMap<>();
                for (XmlTree o : s.all("Option")) {
                    options.put(ArincValues.text(o, "Key"), ArincValues.text(o, "Value"));
                }
                out.add(new ServiceConfig(ServiceKind.valueOf(ArincValues.text(s, "Kind")), ArincValues.text(s, "Partition"),
                        s.attr("Port", ""), options));
            }
            return out;
        }

        static List<VmConfig> vms(XmlTree ext) throws ArincException {
            List<VmConfig> out = new ArrayList<>();
            for (XmlTree v : ext.all("Vm")) {
                List<VmWindow> windows = new ArrayList<>();
                for (XmlTree w : v.all("Window")) {
                    windows.add(new VmWindow(ArincValues.text(w, "Plan"), (int) ArincValues.number(w, "Core"),
                            ArincValues.number(w, "StartNs"), ArincValues.number(w, "DurationNs")));
                }
                out.add(new VmConfig(ArincValues.text(v, "Name"), VmKind.valueOf(ArincValues.text(v, "Kind")),
                        (int) ArincValues.number(v, "Vcpus"), ArincValues.number(v, "MemoryBytes"),
                        v.all("Device").stream().map(d -> d.attr("Name", "")).toList(), v.attr("Image", ""), windows));
            }
            return out;
        }
    }
}
