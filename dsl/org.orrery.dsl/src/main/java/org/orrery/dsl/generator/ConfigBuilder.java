// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

import org.orrery.dsl.model.BoardFacts;
import org.orrery.dsl.model.ConfigEnums;
import org.orrery.dsl.model.SystemView;
import org.orrery.dsl.model.Units;
import org.orrery.dsl.orrery.Bsp;
import org.orrery.dsl.orrery.BuiltinBoard;
import org.orrery.dsl.orrery.Channel;
import org.orrery.dsl.orrery.CoreSchedule;
import org.orrery.dsl.orrery.Device;
import org.orrery.dsl.orrery.DeviceKind;
import org.orrery.dsl.orrery.HealthMonitor;
import org.orrery.dsl.orrery.HmState;
import org.orrery.dsl.orrery.Partition;
import org.orrery.dsl.orrery.Plan;
import org.orrery.dsl.orrery.Parameter;
import org.orrery.dsl.orrery.PlanSwitch;
import org.orrery.dsl.orrery.Policy;
import org.orrery.dsl.orrery.Port;
import org.orrery.dsl.orrery.PortDirection;
import org.orrery.dsl.orrery.PortKind;
import org.orrery.dsl.orrery.Process;
import org.orrery.dsl.orrery.ProcessKind;
import org.orrery.dsl.orrery.Service;
import org.orrery.dsl.orrery.ServiceOption;
import org.orrery.dsl.orrery.Vm;
import org.orrery.dsl.orrery.VmDevice;
import org.orrery.dsl.orrery.Window;
import org.orrery.os.config.BoardConfig;
import org.orrery.os.config.ChannelConfig;
import org.orrery.os.config.CoreFrame;
import org.orrery.os.config.FlashSlot;
import org.orrery.os.config.HmRule;
import org.orrery.os.config.HmTable;
import org.orrery.os.config.MemoryRegion;
import org.orrery.os.config.NicConfig;
import org.orrery.os.config.NvramParam;
import org.orrery.os.config.OverflowPolicy;
import org.orrery.os.config.ParamType;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.PlanConfig;
import org.orrery.os.config.PlanSwitchRule;
import org.orrery.os.config.PortConfig;
import org.orrery.os.config.PortEndpoint;
import org.orrery.os.config.ProcessConfig;
import org.orrery.os.config.ServiceConfig;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.VmConfig;
import org.orrery.os.config.VmWindow;
import org.orrery.os.config.WindowConfig;

/**
 * Builds the canonical configuration records from a validated system. Everything is taken in declaration
 * order (root file first, then imports), so the same model always yields the same records and bytes.
 */
public final class ConfigBuilder {

    /** Stack of a process that declares none. */
    public static final long DEFAULT_STACK = 16L << 10;

    private ConfigBuilder() {
    }

    public static SystemConfig build(SystemView s) {
        return new SystemConfig(
                s.root().getSystem().getName(),
                board(s),
                regions(s),
                s.partitions().stream().map(p -> partition(p, s.partitions().indexOf(p))).toList(),
                s.channels().stream().map(ConfigBuilder::channel).toList(),
                s.plans().stream().map(ConfigBuilder::plan).toList(),
                s.initialPlan() == null ? "" : s.initialPlan().getName(),
                switches(s),
                hmTables(s),
                s.services().stream().map(ConfigBuilder::service).toList(),
                s.vms().stream().map(v -> vm(v, s)).toList());
    }

    static BoardConfig board(SystemView s) {
        BoardFacts facts = s.boardFacts();
        Bsp bsp = s.board().getBsp();
        boolean builtin = bsp == null || bsp.eIsProxy();
        List<Device> devices = builtin ? List.of() : bsp.getDevices();
        boolean console = builtin || devices.stream().anyMatch(d -> d.getKind() == DeviceKind.CONSOLE);
        List<NicConfig> nics = new ArrayList<>();
        long watchdog = 0;
        long nvram = 0;
        List<NvramParam> params = new ArrayList<>();
        List<FlashSlot> slots = new ArrayList<>();
        for (Device d : devices) {
            switch (d.getKind()) {
                case NIC -> nics.add(new NicConfig(d.getName(), nz(d.getMac()), nz(d.getIp())));
                case WATCHDOG -> watchdog = Units.nanos(d.getTimeout());
                case NVRAM -> {
                    nvram += Units.bytes(d.getSize());
                    for (Parameter param : d.getParameters()) {
                        params.add(param.getText() != null
                                ? new NvramParam(param.getName(), ParamType.TEXT, param.getText())
                                : new NvramParam(param.getName(), ParamType.INTEGER, Integer.toString(param.getNumber())));
                    }
                }
                case FLASH -> slots.add(new FlashSlot(d.getName(), Units.bytes(d.getSize())));
                case CONSOLE -> { }
            }
        }
        if (!s.watchdogs().isEmpty()) {
            watchdog = Units.nanos(s.watchdogs().get(0).getTimeout());
        }
        String name = builtin && s.board().getBuiltin() == null ? BuiltinBoard.SIM.getLiteral() : facts.name();
        return new BoardConfig(name, facts.cores(), facts.memory(), facts.tickNs(), console, nics, watchdog, nvram, params,
                slots);
    }

    static List<MemoryRegion> regions(SystemView s) {
        return s.regions().stream().map(r -> new MemoryRegion(r.getName(), r.getAddress(), Units.bytes(r.getSize()),
                ConfigEnums.access(r.getAccess()), r.getPartitions().stream().map(Partition::getName).toList(), r.isShared())).toList();
    }

    static PartitionConfig partition(Partition p, int index) {
        String source = "";
        String entry = "";
        if (p.getApplication() != null) {
            entry = nz(p.getApplication().getEntryClass());
            source = p.getApplication().getSource() != null ? p.getApplication().getSource() : nz(p.getApplication().getJar());
        }
        long slice = p.getPolicy() == Policy.ROUND_ROBIN ? Units.nanos(p.getTimeSlice()) : 0;
        return new PartitionConfig(p.getName(), index, List.copyOf(new TreeSet<>(p.getCores())), Units.bytes(p.getMemory()),
                ConfigEnums.criticality(p.getCriticality()), ConfigEnums.policy(p.getPolicy()), slice, entry, source,
                Units.nanos(p.getWatchdog()), p.getProcesses().stream().map(ConfigBuilder::process).toList(),
                p.getPorts().stream().map(ConfigBuilder::port).toList());
    }

    static ProcessConfig process(Process p) {
        long period = p.getKind() == ProcessKind.PERIODIC ? Units.nanos(p.getPeriod()) : 0;
        long stack = p.getStack() != null ? Units.bytes(p.getStack()) : DEFAULT_STACK;
        return new ProcessConfig(p.getName(), ConfigEnums.processKind(p.getKind()), period, Units.nanos(p.getDeadline()),
                p.getPriority(), Units.nanos(p.getWcet()), stack);
    }

    static PortConfig port(Port p) {
        boolean samplingDestination = p.getKind() == PortKind.SAMPLING && p.getDirection() == PortDirection.DESTINATION;
        return new PortConfig(p.getName(), ConfigEnums.portKind(p.getKind()), ConfigEnums.direction(p.getDirection()),
                Units.bytes(p.getMessageSize()), samplingDestination ? Units.nanos(p.getRefresh()) : 0,
                p.getKind() == PortKind.QUEUING ? p.getDepth() : 0);
    }

    static ChannelConfig channel(Channel c) {
        // Sampling channels always overwrite: the OS represents that as DROP_OLDEST.
        OverflowPolicy overflow = c.getKind() == PortKind.SAMPLING ? OverflowPolicy.DROP_OLDEST : ConfigEnums.overflow(c.getOverflow());
        return new ChannelConfig(c.getName(), ConfigEnums.portKind(c.getKind()), endpoint(c.getSource()),
                c.getDestinations().stream().map(ConfigBuilder::endpoint).toList(), overflow);
    }

    static PortEndpoint endpoint(Port p) {
        return new PortEndpoint(((Partition) p.eContainer()).getName(), p.getName());
    }

    static PlanConfig plan(Plan p) {
        List<CoreFrame> frames = new ArrayList<>();
        List<WindowConfig> windows = new ArrayList<>();
        for (CoreSchedule cs : p.getCores()) {
            frames.add(new CoreFrame(cs.getCore(), Units.nanos(cs.getMajorFrame())));
            for (Window w : cs.getWindows()) {
                if (w.getPartition() != null) {
                    windows.add(new WindowConfig(cs.getCore(), Units.nanos(w.getStart()), Units.nanos(w.getDuration()),
                            w.getPartition().getName()));
                }
            }
        }
        return new PlanConfig(p.getName(), frames, windows);
    }

    static List<PlanSwitchRule> switches(SystemView s) {
        List<PlanSwitchRule> rules = new ArrayList<>();
        for (Plan p : s.plans()) {
            for (PlanSwitch sw : p.getSwitches()) {
                rules.add(new PlanSwitchRule(p.getName(), sw.getTarget().getName(), sw.getRequester().getName()));
            }
        }
        return rules;
    }

    static List<HmTable> hmTables(SystemView s) {
        List<HmTable> tables = new ArrayList<>();
        for (HealthMonitor hm : s.healthMonitors()) {
            addTables(tables, "", hm);
        }
        for (Partition p : s.partitions()) {
            for (HealthMonitor hm : p.getHealthMonitors()) {
                addTables(tables, p.getName(), hm);
            }
        }
        return tables;
    }

    private static void addTables(List<HmTable> tables, String partition, HealthMonitor hm) {
        for (HmState st : hm.getStates()) {
            List<HmRule> rules = st.getRules().stream().map(r -> new HmRule(ConfigEnums.error(r.getError()),
                    ConfigEnums.level(r.getLevel()), ConfigEnums.action(r.getAction()),
                    r.getPlan() == null ? "" : r.getPlan().getName())).toList();
            tables.add(new HmTable(partition, ConfigEnums.state(st.getState()), rules));
        }
    }

    static ServiceConfig service(Service sv) {
        TreeMap<String, String> options = new TreeMap<>();
        options.put("name", sv.getName());
        String role = ConfigEnums.serviceRole(sv.getKind());
        if (!role.isEmpty()) {
            options.put("role", role);
        }
        for (ServiceOption o : sv.getOptions()) {
            options.put(o.getKey(), o.getText() != null ? o.getText() : Integer.toString(o.getNumber()));
        }
        // The OS's service port field names a partition port; the network port travels as an option.
        int port = sv.getPort() != 0 ? sv.getPort() : ConfigEnums.defaultPort(sv.getKind());
        if (port != 0) {
            options.put("port", Integer.toString(port));
        }
        return new ServiceConfig(ConfigEnums.serviceKind(sv.getKind()), sv.getPartition().getName(), "", options);
    }

    static VmConfig vm(Vm v, SystemView s) {
        List<VmWindow> windows = new ArrayList<>();
        for (Plan p : s.plans()) {
            for (CoreSchedule cs : p.getCores()) {
                for (Window w : cs.getWindows()) {
                    if (w.getVm() == v) {
                        windows.add(new VmWindow(p.getName(), cs.getCore(), Units.nanos(w.getStart()), Units.nanos(w.getDuration())));
                    }
                }
            }
        }
        String image = v.getKernel() != null ? v.getKernel() : nz(v.getDisk());
        return new VmConfig(v.getName(), ConfigEnums.vmKind(v.getKind()), v.getVcpus(), Units.bytes(v.getMemory()),
                v.getDevices().stream().map(VmDevice::getKind).map(k -> k.getLiteral()).toList(), image, windows);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
