// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import java.util.List;
import java.util.Map;
import org.orrery.os.api.ErrorCode;

/** A configuration that uses every record and every optional field. */
final class Samples {
    static final long MS = 1_000_000L;
    /** A window duration no other field uses, so tests can find its bytes. */
    static final long MARKER_DURATION = 7_777 * 1_000L;

    private Samples() {
    }

    static SystemConfig full() {
        BoardConfig board = new BoardConfig("sim", 4, 1L << 30, 1_000, true,
                List.of(new NicConfig("eth0", "02:00:00:00:00:01", "10.0.0.2/24"), new NicConfig("eth1", "", "")),
                500 * MS, 64 * 1024, List.of(new NvramParam("hostname", ParamType.TEXT, "orrery-gw"),
                        new NvramParam("mtu", ParamType.INTEGER, "1500")),
                List.of(new FlashSlot("A", 16L << 20), new FlashSlot("B", 16L << 20)));
        PartitionConfig sensors = new PartitionConfig("sensors", 0, List.of(0), 64L << 20, Criticality.A,
                SchedulingPolicy.FIXED_PRIORITY, 0, "demo.Sensors", "apps/sensors", 100 * MS,
                List.of(new ProcessConfig("sample", ProcessKind.PERIODIC, 20 * MS, 20 * MS, 10, 2 * MS, 65536),
                        new ProcessConfig("calib", ProcessKind.APERIODIC, 0, 0, 5, 0, 32768)),
                List.of(new PortConfig("attitude", PortKind.SAMPLING, PortDirection.SOURCE, 64, 0, 0),
                        new PortConfig("commands", PortKind.QUEUING, PortDirection.DESTINATION, 128, 0, 8)));
        PartitionConfig nav = new PartitionConfig("nav", 1, List.of(1, 2), 128L << 20, Criticality.B,
                SchedulingPolicy.ROUND_ROBIN, 2 * MS, "demo.Nav", "", 0,
                List.of(new ProcessConfig("compute", ProcessKind.PERIODIC, 40 * MS, 0, 1, 5 * MS, 65536)),
                List.of(new PortConfig("attitudeIn", PortKind.SAMPLING, PortDirection.DESTINATION, 64, 60 * MS, 0),
                        new PortConfig("cmdOut", PortKind.QUEUING, PortDirection.SOURCE, 128, 0, 4)));
        PartitionConfig display = new PartitionConfig("display", 2, List.of(3), 32L << 20, Criticality.E,
                SchedulingPolicy.EDF, 0, "demo.Display", "apps/display.jar", 0, List.of(),
                List.of(new PortConfig("attitudeIn", PortKind.SAMPLING, PortDirection.DESTINATION, 256, 0, 0)));
        List<ChannelConfig> channels = List.of(
                new ChannelConfig("att", PortKind.SAMPLING, new PortEndpoint("sensors", "attitude"),
                        List.of(new PortEndpoint("nav", "attitudeIn"), new PortEndpoint("display", "attitudeIn")),
                        OverflowPolicy.DROP_OLDEST),
                new ChannelConfig("cmd", PortKind.QUEUING, new PortEndpoint("nav", "cmdOut"),
                        List.of(new PortEndpoint("sensors", "commands")), OverflowPolicy.DROP_NEWEST));
        PlanConfig normal = new PlanConfig("normal",
                List.of(new CoreFrame(0, 20 * MS), new CoreFrame(1, 40 * MS), new CoreFrame(3, 20 * MS)),
                List.of(new WindowConfig(0, 0, 10 * MS, "sensors"), new WindowConfig(1, 0, 20 * MS, "nav"),
                        new WindowConfig(3, 0, MARKER_DURATION, "display")));
        PlanConfig maintenance = new PlanConfig("maintenance", List.of(new CoreFrame(0, 10 * MS)),
                List.of(new WindowConfig(0, 0, 5 * MS, "sensors")));
        List<HmTable> hm = List.of(
                new HmTable("", SystemState.PROCESS_EXECUTION, List.of(
                        new HmRule(ErrorCode.POWER_FAIL, HmLevel.MODULE, HmAction.SHUTDOWN_MODULE, ""),
                        new HmRule(ErrorCode.HARDWARE_FAULT, HmLevel.MODULE, HmAction.SWITCH_PLAN, "maintenance"))),
                new HmTable("nav", SystemState.PROCESS_EXECUTION, List.of(
                        new HmRule(ErrorCode.DEADLINE_MISSED, HmLevel.PROCESS, HmAction.RESTART_PROCESS, ""),
                        new HmRule(ErrorCode.WATCHDOG, HmLevel.PARTITION, HmAction.COLD_START_PARTITION, ""))));
        List<ServiceConfig> services = List.of(new ServiceConfig(ServiceKind.HTTP, "display", "attitudeIn",
                Map.of("listen", "8080", "root", "/srv")));
        List<VmConfig> vms = List.of(new VmConfig("guest", VmKind.QEMU, 1, 256L << 20, List.of("eth1"), "vm/guest.img",
                List.of(new VmWindow("normal", 0, 10 * MS, 10 * MS))));
        List<MemoryRegion> regions = List.of(
                new MemoryRegion("shared", 0x1000_0000L, 4096, MemoryAccess.READ_WRITE, List.of("sensors", "nav")),
                new MemoryRegion("rom", 0, 65536, MemoryAccess.READ_EXECUTE, List.of()),
                // inside "rom": allowed because it is shared (XtratuM-style per-partition view of the same bytes)
                new MemoryRegion("bios", 0x8000, 4096, MemoryAccess.READ, List.of("display"), true));
        return new SystemConfig("flight", board, regions, List.of(sensors, nav, display), channels,
                List.of(normal, maintenance), "normal",
                List.of(new PlanSwitchRule("normal", "maintenance", "nav"), new PlanSwitchRule("", "normal", "sensors")),
                hm, services, vms);
    }

    /** The smallest valid system: one partition, one window. */
    static SystemConfig minimal() {
        BoardConfig board = new BoardConfig("sim", 1, 1 << 20, 1_000, false, List.of(), 0, 0, List.of());
        PartitionConfig p = new PartitionConfig("p", 0, List.of(0), 1 << 20, Criticality.C,
                SchedulingPolicy.FIXED_PRIORITY, 0, "demo.P", "", 0, List.of(), List.of());
        PlanConfig plan = new PlanConfig("main", List.of(new CoreFrame(0, 10 * MS)),
                List.of(new WindowConfig(0, 0, 10 * MS, "p")));
        return new SystemConfig("min", board, List.of(), List.of(p), List.of(), List.of(plan), "main", List.of(),
                List.of(), List.of(), List.of());
    }
}
