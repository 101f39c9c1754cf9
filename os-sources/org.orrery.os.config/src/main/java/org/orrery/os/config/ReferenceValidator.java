// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/** Rules that relate parts of the configuration: channels, plan switches, HM tables, services, VMs. */
final class ReferenceValidator {
    private ReferenceValidator() {
    }

    static void validate(Problems p, SystemConfig c) {
        channels(p, c);
        planSwitchRules(p, c);
        hmTables(p, c);
        services(p, c);
        vms(p, c);
    }

    private static void channels(Problems p, SystemConfig c) {
        p.count("channels", c.channels().size(), Limits.MAX_CHANNELS);
        p.unique("channels", c.channels().stream().map(ChannelConfig::name).toList());
        Map<String, String> portOwner = new HashMap<>();
        // Looked up by name once per endpoint: a map keeps 10,000s of channels linear, not channels x partitions.
        Map<String, PartitionConfig> byName = new HashMap<>();
        for (PartitionConfig part : c.partitions()) {
            byName.putIfAbsent(part.name(), part);
        }
        // Ports too: a partition of 20 ports searched by a stream per endpoint was most of this rule's time. By
        // identity: a record's hash code would walk all its ports and processes.
        Map<PartitionConfig, Map<String, PortConfig>> portsOf = new IdentityHashMap<>();
        for (int i = 0; i < c.channels().size(); i++) {
            ChannelConfig ch = c.channels().get(i);
            String f = Problems.at("channels", ch.name(), i);
            p.name(f + ".name", ch.name());
            PortConfig src = endpoint(p, byName, portsOf, f + ".source", ch.source(), ch.kind(), PortDirection.SOURCE);
            claim(p, portOwner, f + ".source", ch.source(), ch.name());
            if (ch.destinations().isEmpty()) {
                p.add(f + ".destinations", "at least one destination is required");
            }
            p.count(f + ".destinations", ch.destinations().size(), Limits.MAX_DESTINATIONS_PER_CHANNEL);
            for (int j = 0; j < ch.destinations().size(); j++) {
                PortEndpoint d = ch.destinations().get(j);
                String g = f + ".destinations[" + j + "]";
                PortConfig dst = endpoint(p, byName, portsOf, g, d, ch.kind(), PortDirection.DESTINATION);
                claim(p, portOwner, g, d, ch.name());
                if (src != null && dst != null && dst.maxMessageSize() < src.maxMessageSize()) {
                    p.add(g, "maxMessageSize " + dst.maxMessageSize() + " is smaller than the source's "
                            + src.maxMessageSize());
                }
            }
        }
    }

    private static PortConfig endpoint(Problems p, Map<String, PartitionConfig> partitions,
            Map<PartitionConfig, Map<String, PortConfig>> portsOf, String f, PortEndpoint e, PortKind kind,
            PortDirection direction) {
        PartitionConfig part = partitions.get(e.partition());
        if (part == null) {
            p.add(f + ".partition", "unknown partition '" + e.partition() + "'");
            return null;
        }
        PortConfig port = portsOf.computeIfAbsent(part, ReferenceValidator::portsByName).get(e.port());
        if (port == null) {
            p.add(f + ".port", "partition '" + e.partition() + "' has no port '" + e.port() + "'");
            return null;
        }
        if (port.kind() != kind) {
            p.add(f, "port " + e + " is " + port.kind() + " but the channel is " + kind);
        }
        if (port.direction() != direction) {
            p.add(f, "port " + e + " is a " + port.direction() + " port, expected " + direction);
        }
        return port;
    }

    /** The partition's ports by name; the first of a name, as {@link PartitionConfig#port} finds it. */
    private static Map<String, PortConfig> portsByName(PartitionConfig part) {
        Map<String, PortConfig> ports = new HashMap<>();
        for (PortConfig port : part.ports()) {
            ports.putIfAbsent(port.name(), port);
        }
        return ports;
    }

    private static void claim(Problems p, Map<String, String> owner, String f, PortEndpoint e, String channel) {
        String previous = owner.putIfAbsent(e.toString(), channel);
        if (previous != null) {
            p.add(f, "port " + e + " is already connected by channel '" + previous + "'");
        }
    }

    private static void planSwitchRules(Problems p, SystemConfig c) {
        p.count("planSwitchRules", c.planSwitchRules().size(), Limits.MAX_PLAN_SWITCH_RULES);
        for (int i = 0; i < c.planSwitchRules().size(); i++) {
            PlanSwitchRule r = c.planSwitchRules().get(i);
            String f = "planSwitchRules[" + i + "]";
            if (!r.fromPlan().isEmpty() && c.planIndex(r.fromPlan()) < 0) {
                p.add(f + ".fromPlan", "unknown plan '" + r.fromPlan() + "'");
            }
            if (c.planIndex(r.toPlan()) < 0) {
                p.add(f + ".toPlan", "unknown plan '" + r.toPlan() + "'");
            }
            if (c.partitionIndex(r.partition()) < 0) {
                p.add(f + ".partition", "unknown partition '" + r.partition() + "'");
            }
        }
    }

    private static void hmTables(Problems p, SystemConfig c) {
        p.count("hmTables", c.hmTables().size(), Limits.MAX_HM_TABLES);
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < c.hmTables().size(); i++) {
            HmTable t = c.hmTables().get(i);
            String f = "hmTables[" + i + "]";
            if (!t.partition().isEmpty() && c.partitionIndex(t.partition()) < 0) {
                p.add(f + ".partition", "unknown partition '" + t.partition() + "'");
            }
            if (!keys.add(t.partition() + "/" + t.state())) {
                p.add(f, "second table for " + (t.partition().isEmpty() ? "the module" : "partition '"
                        + t.partition() + "'") + " in state " + t.state());
            }
            p.count(f + ".rules", t.rules().size(), Limits.MAX_HM_RULES_PER_TABLE);
            Set<Object> errors = new HashSet<>();
            for (int j = 0; j < t.rules().size(); j++) {
                HmRule r = t.rules().get(j);
                String g = f + ".rules[" + r.error() + "]";
                if (!errors.add(r.error())) {
                    p.add(g, "error " + r.error() + " appears twice in the table");
                }
                if (!r.action().allowedAt(r.level())) {
                    p.add(g + ".action", r.action() + " is not an action for level " + r.level());
                }
                if (r.action() == HmAction.SWITCH_PLAN) {
                    if (c.planIndex(r.planTarget()) < 0) {
                        p.add(g + ".planTarget", "unknown plan '" + r.planTarget() + "'");
                    }
                } else if (!r.planTarget().isEmpty()) {
                    p.add(g + ".planTarget", "only SWITCH_PLAN takes a plan target");
                }
            }
        }
    }

    private static void services(Problems p, SystemConfig c) {
        p.count("services", c.services().size(), Limits.MAX_SERVICES);
        for (int i = 0; i < c.services().size(); i++) {
            ServiceConfig s = c.services().get(i);
            String f = "services[" + i + "]";
            PartitionConfig part = c.partition(s.partition()).orElse(null);
            if (part == null) {
                p.add(f + ".partition", "unknown partition '" + s.partition() + "'");
            } else if (!s.port().isEmpty() && part.portIndex(s.port()) < 0) {
                p.add(f + ".port", "partition '" + s.partition() + "' has no port '" + s.port() + "'");
            }
            p.count(f + ".options", s.options().size(), Limits.MAX_SERVICE_OPTIONS);
            s.options().forEach((key, value) -> {
                if (key.isEmpty()) {
                    p.add(f + ".options", "empty option name");
                }
                p.text(f + ".options[" + key + "]", key);
                p.text(f + ".options[" + key + "]", value);
            });
        }
    }

    private static void vms(Problems p, SystemConfig c) {
        p.count("vms", c.vms().size(), Limits.MAX_VMS);
        p.unique("vms", c.vms().stream().map(VmConfig::name).toList());
        for (int i = 0; i < c.vms().size(); i++) {
            VmConfig vm = c.vms().get(i);
            String f = Problems.at("vms", vm.name(), i);
            p.name(f + ".name", vm.name());
            if (c.partitionIndex(vm.name()) >= 0) {
                p.add(f + ".name", "a partition is already called '" + vm.name() + "'");
            }
            p.range(f + ".vcpus", vm.vcpus(), 1, Limits.MAX_VCPUS);
            p.range(f + ".memorySize", vm.memorySize(), 1, c.board().memorySize());
            p.count(f + ".devices", vm.devices().size(), Limits.MAX_VM_DEVICES);
            vm.devices().forEach(d -> p.text(f + ".devices", d));
            p.text(f + ".image", vm.image());
            for (int j = 0; j < vm.windows().size(); j++) {
                if (c.planIndex(vm.windows().get(j).plan()) < 0) {
                    p.add(f + ".windows[" + j + "].plan", "unknown plan '" + vm.windows().get(j).plan() + "'");
                }
            }
        }
    }
}
