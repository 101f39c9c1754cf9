// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import static org.orrery.os.config.Fixture.full;
import static org.orrery.os.config.Fixture.row;
import static org.orrery.os.config.Fixture.spare;

import java.util.ArrayList;
import java.util.List;

/**
 * Fixture rows for channels and plan switch rules. full() has channels att (sensors.attitude to nav and display)
 * and cmd; the endpoint and connection checks run for the source and for each destination, and rows cover both.
 */
final class ChannelFixtures {
    private ChannelFixtures() {
    }

    static List<Fixture> rows() {
        return List.of(
            row(ChannelFixtures::tooManyChannels, "channels", "has 65537 entries, at most 65536 allowed"),
            row(() -> channel("att", "spare", "out", "spare", "in"), "channels", "duplicate name 'att'"),
            row(() -> channel("", "spare", "out", "spare", "in"), "channels[2].name", "must not be empty"),
            row(() -> spare().add("channels", new ChannelConfig("loose", PortKind.SAMPLING,
                    new PortEndpoint("spare", "out"), List.of(), OverflowPolicy.DROP_OLDEST)),
                    "channels[loose].destinations", "at least one destination is required"),
            row(ChannelFixtures::tooManyDestinations, "channels[fan].destinations",
                    "has 65 entries, at most 64 allowed"),
            row(() -> channel("small", "spare", "out", "spare", "in").set("partitions[3].ports[1].maxMessageSize", 32),
                    "channels[small].destinations[0]", "maxMessageSize 32 is smaller than the source's 64"),
            row(() -> channel("lost", "ghost", "out", "spare", "in"), "channels[lost].source.partition",
                    "unknown partition 'ghost'"),
            row(() -> channel("lost", "spare", "out", "spare", "nope"), "channels[lost].destinations[0].port",
                    "partition 'spare' has no port 'nope'"),
            row(() -> channel("mixed", "spare", "out", "spare", "qin"), "channels[mixed].destinations[0]",
                    "port spare.qin is QUEUING but the channel is SAMPLING"),
            row(() -> channel("back", "spare", "in", "spare", "in2"), "channels[back].source",
                    "port spare.in is a DESTINATION port, expected SOURCE"),
            row(() -> channel("again", "sensors", "attitude", "spare", "in"), "channels[again].source",
                    "port sensors.attitude is already connected by channel 'att'"),
            row(() -> channel("again", "spare", "out", "nav", "attitudeIn"), "channels[again].destinations[0]",
                    "port nav.attitudeIn is already connected by channel 'att'"),
            row(() -> full().set("planSwitchRules", Fixture.copies(257, new PlanSwitchRule("", "normal", "sensors"))),
                    "planSwitchRules", "has 257 entries, at most 256 allowed"),
            row(() -> full().set("planSwitchRules[0].fromPlan", "ghost"), "planSwitchRules[0].fromPlan",
                    "unknown plan 'ghost'"),
            row(() -> full().set("planSwitchRules[0].toPlan", "ghost"), "planSwitchRules[0].toPlan",
                    "unknown plan 'ghost'"),
            row(() -> full().set("planSwitchRules[0].partition", "ghost"), "planSwitchRules[0].partition",
                    "unknown partition 'ghost'"));
    }

    /** A sampling channel of spare()'s system from one port to one. */
    private static Cfg channel(String name, String fromPartition, String from, String toPartition, String to) {
        return spare().add("channels", new ChannelConfig(name, PortKind.SAMPLING, new PortEndpoint(fromPartition, from),
                List.of(new PortEndpoint(toPartition, to)), OverflowPolicy.DROP_OLDEST));
    }

    private static Cfg tooManyDestinations() {
        List<PortConfig> ports = new ArrayList<>();
        List<PortEndpoint> destinations = new ArrayList<>();
        ports.add(new PortConfig("out", PortKind.SAMPLING, PortDirection.SOURCE, 64, 0, 0));
        for (int i = 0; i < Limits.MAX_DESTINATIONS_PER_CHANNEL + 1; i++) {
            ports.add(new PortConfig("in" + i, PortKind.SAMPLING, PortDirection.DESTINATION, 64, 0, 0));
            destinations.add(new PortEndpoint("spare", "in" + i));
        }
        return spare().set("partitions[3].ports", ports).add("channels", new ChannelConfig("fan", PortKind.SAMPLING,
                new PortEndpoint("spare", "out"), destinations, OverflowPolicy.DROP_OLDEST));
    }

    /** Every port belongs to one channel: 65,537 channels need 1,025 partitions of 64 sources and 64 destinations. */
    private static Cfg tooManyChannels() {
        int n = Limits.MAX_CHANNELS + 1;
        int perPartition = Limits.MAX_PORTS_PER_PARTITION / 2;
        List<PortConfig> ports = new ArrayList<>();
        for (int i = 0; i < perPartition; i++) {
            ports.add(new PortConfig("s" + i, PortKind.SAMPLING, PortDirection.SOURCE, 8, 0, 0));
            ports.add(new PortConfig("d" + i, PortKind.SAMPLING, PortDirection.DESTINATION, 8, 0, 0));
        }
        Cfg c = Fixture.withFillers(0);
        List<Object> partitions = new ArrayList<>();
        for (int i = 0; i < (n + perPartition - 1) / perPartition; i++) {
            PartitionConfig f = Fixture.filler("f" + i, i + 1);
            partitions.add(new PartitionConfig(f.name(), f.index(), f.cores(), f.memoryBudget(), f.criticality(),
                    f.policy(), f.timeSliceNs(), f.entryClass(), f.sourcePath(), f.watchdogPeriodNs(), f.processes(),
                    ports));
        }
        List<ChannelConfig> channels = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            String owner = "f" + k / perPartition;
            channels.add(new ChannelConfig("c" + k, PortKind.SAMPLING, new PortEndpoint(owner, "s" + k % perPartition),
                    List.of(new PortEndpoint(owner, "d" + k % perPartition)), OverflowPolicy.DROP_OLDEST));
        }
        return c.add("partitions", partitions.toArray()).set("channels", channels);
    }
}
