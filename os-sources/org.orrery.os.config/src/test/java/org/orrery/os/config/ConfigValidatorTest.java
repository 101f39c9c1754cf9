// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orrery.os.api.ErrorCode;

class ConfigValidatorTest {
    private static final long MS = Samples.MS;

    private static SystemConfig withPlans(SystemConfig c, List<PlanConfig> plans) {
        return new SystemConfig(c.name(), c.board(), c.memoryRegions(), c.partitions(), c.channels(), plans,
                plans.get(0).name(), c.planSwitchRules(), c.hmTables(), c.services(), c.vms());
    }

    private static boolean hasProblem(SystemConfig c, String fieldPrefix, String text) {
        return ConfigValidator.validate(c).stream()
                .anyMatch(p -> p.field().startsWith(fieldPrefix) && p.message().contains(text));
    }

    @Test
    void overlappingWindowsOnOneCore() {
        SystemConfig c = Samples.minimal();
        PlanConfig plan = new PlanConfig("main", List.of(new CoreFrame(0, 10 * MS)),
                List.of(new WindowConfig(0, 0, 6 * MS, "p"), new WindowConfig(0, 5 * MS, 2 * MS, "p")));
        assertTrue(hasProblem(withPlans(c, List.of(plan)), "plans[main].windows[1]", "overlaps"));
    }

    @Test
    void onlySharedRegionsMayOverlap() {
        SystemConfig full = Samples.full();
        assertFalse(hasProblem(full, "memoryRegions", "overlaps"), ConfigValidator.validate(full).toString());
        List<MemoryRegion> unshared = new ArrayList<>();
        for (MemoryRegion r : full.memoryRegions()) {
            unshared.add(new MemoryRegion(r.name(), r.base(), r.size(), r.access(), r.partitions()));
        }
        SystemConfig bad = new SystemConfig(full.name(), full.board(), unshared, full.partitions(), full.channels(),
                full.plans(), full.initialPlan(), full.planSwitchRules(), full.hmTables(), full.services(), full.vms());
        assertTrue(hasProblem(bad, "memoryRegions[bios]", "overlaps memory region 'rom'"));
    }

    @Test
    void windowBeyondMajorFrame() {
        PlanConfig plan = new PlanConfig("main", List.of(new CoreFrame(0, 10 * MS)),
                List.of(new WindowConfig(0, 8 * MS, 4 * MS, "p")));
        assertTrue(hasProblem(withPlans(Samples.minimal(), List.of(plan)), "plans[main].windows[0]", "after the major frame"));
    }

    @Test
    void partitionOpenOnTwoCoresAtOnceIsRejectedEvenWithDifferentFrames() {
        SystemConfig full = Samples.full();
        // nav may run on cores 1 and 2; frames 40 ms and 30 ms: offsets repeat every gcd = 10 ms.
        PlanConfig clash = new PlanConfig("normal", List.of(new CoreFrame(1, 40 * MS), new CoreFrame(2, 30 * MS)),
                List.of(new WindowConfig(1, 0, 5 * MS, "nav"), new WindowConfig(2, 7 * MS, 4 * MS, "nav")));
        PlanConfig fine = new PlanConfig("normal", List.of(new CoreFrame(1, 40 * MS), new CoreFrame(2, 30 * MS)),
                List.of(new WindowConfig(1, 0, 5 * MS, "nav"), new WindowConfig(2, 5 * MS, 5 * MS, "nav")));
        SystemConfig a = withPlans(noVms(full), List.of(clash, full.plans().get(1)));
        SystemConfig b = withPlans(noVms(full), List.of(fine, full.plans().get(1)));
        assertTrue(hasProblem(a, "plans[normal].windows[1]", "at the same time"));
        assertFalse(hasProblem(b, "plans[normal]", "at the same time"), ConfigValidator.validate(b).toString());
    }

    @Test
    void hmActionMustFitLevelAndPlanTargetMustExist() {
        SystemConfig c = Samples.minimal();
        List<HmTable> hm = List.of(new HmTable("", SystemState.PROCESS_EXECUTION, List.of(
                new HmRule(ErrorCode.DEADLINE_MISSED, HmLevel.PROCESS, HmAction.SHUTDOWN_MODULE, ""),
                new HmRule(ErrorCode.POWER_FAIL, HmLevel.MODULE, HmAction.SWITCH_PLAN, "ghost"))));
        SystemConfig bad = new SystemConfig(c.name(), c.board(), c.memoryRegions(), c.partitions(), c.channels(),
                c.plans(), c.initialPlan(), c.planSwitchRules(), hm, c.services(), c.vms());
        assertTrue(hasProblem(bad, "hmTables[0].rules[DEADLINE_MISSED].action", "not an action for level PROCESS"));
        assertTrue(hasProblem(bad, "hmTables[0].rules[POWER_FAIL].planTarget", "unknown plan 'ghost'"));
    }

    @Test
    void channelEndpointsMustMatchKindAndDirection() {
        SystemConfig c = Samples.full();
        List<ChannelConfig> channels = new ArrayList<>(c.channels());
        channels.set(1, new ChannelConfig("cmd", PortKind.QUEUING, new PortEndpoint("sensors", "attitude"),
                List.of(new PortEndpoint("nav", "cmdOut")), OverflowPolicy.BLOCK));
        SystemConfig bad = new SystemConfig(c.name(), c.board(), c.memoryRegions(), c.partitions(), channels,
                c.plans(), c.initialPlan(), c.planSwitchRules(), c.hmTables(), c.services(), c.vms());
        assertTrue(hasProblem(bad, "channels[cmd].source", "is SAMPLING but the channel is QUEUING"));
        assertTrue(hasProblem(bad, "channels[cmd].source", "already connected"));
        assertTrue(hasProblem(bad, "channels[cmd].destinations[0]", "expected DESTINATION"));
    }

    @Test
    void partitionIndexMustEqualPosition() {
        SystemConfig c = Samples.minimal();
        PartitionConfig p = c.partitions().get(0);
        PartitionConfig moved = new PartitionConfig(p.name(), 3, p.cores(), p.memoryBudget(), p.criticality(),
                p.policy(), p.timeSliceNs(), p.entryClass(), p.sourcePath(), p.watchdogPeriodNs(), p.processes(),
                p.ports());
        SystemConfig bad = new SystemConfig(c.name(), c.board(), c.memoryRegions(), List.of(moved), c.channels(),
                c.plans(), c.initialPlan(), c.planSwitchRules(), c.hmTables(), c.services(), c.vms());
        assertTrue(hasProblem(bad, "partitions[p].index", "position 0"));
    }

    /**
     * A VM's windows share its core's timeline with the partitions' windows of the same plan: they are checked
     * against that plan's frames and against the partitions' windows, and a VM window of another plan is not.
     */
    @Test
    void vmWindowsAreCheckedOnTheirPlansCoreTimeline() {
        // sensors holds core 0 of plan normal from 0 to 10 ms (frame 20 ms); plan maintenance's frame is 10 ms
        assertTrue(hasProblem(withVmWindow(new VmWindow("normal", 0, 5 * MS, 10 * MS)), "vms[guest].windows[0]",
                "overlaps plans[normal].windows[0] on core 0"));
        assertTrue(hasProblem(withVmWindow(new VmWindow("normal", 2, 0, 5 * MS)), "vms[guest].windows[0].core",
                "core 2 has no major frame in plan 'normal'"));
        assertTrue(hasProblem(withVmWindow(new VmWindow("normal", 0, 15 * MS, 10 * MS)), "vms[guest].windows[0]",
                "ends at 25000000 ns, after the major frame (20000000 ns)"));
        assertTrue(hasProblem(withVmWindow(new VmWindow("maintenance", 0, 0, 5 * MS)), "vms[guest].windows[0]",
                "overlaps plans[maintenance].windows[0] on core 0"));
        // the same 10 to 20 ms in plan normal would overrun maintenance's 10 ms frame if plans were mixed up
        SystemConfig sample = withVmWindow(new VmWindow("normal", 0, 10 * MS, 10 * MS));
        assertEquals(List.of(), ConfigValidator.validate(sample));
    }

    private static SystemConfig withVmWindow(VmWindow window) {
        SystemConfig c = Samples.full();
        VmConfig vm = c.vms().get(0);
        VmConfig moved = new VmConfig(vm.name(), vm.kind(), vm.vcpus(), vm.memorySize(), vm.devices(), vm.image(),
                List.of(window));
        return new SystemConfig(c.name(), c.board(), c.memoryRegions(), c.partitions(), c.channels(), c.plans(),
                c.initialPlan(), c.planSwitchRules(), c.hmTables(), c.services(), List.of(moved));
    }

    private static SystemConfig noVms(SystemConfig c) {
        return new SystemConfig(c.name(), c.board(), c.memoryRegions(), c.partitions(), c.channels(), c.plans(),
                c.initialPlan(), c.planSwitchRules(), c.hmTables(), c.services(), List.of());
    }
}
