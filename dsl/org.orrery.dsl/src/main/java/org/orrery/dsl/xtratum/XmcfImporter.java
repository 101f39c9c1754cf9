// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.xtratum;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.orrery.dsl.model.Units;
import org.orrery.os.api.ErrorCode;

/**
 * Imports an XtratuM XM_CF configuration ({@code SystemDescription}) as {@code .orrery} text: processors
 * become cores, cyclic plans and slots become plans and windows, partitions with their memory areas and
 * ports, channels, and health-monitor events mapped to Orrery error codes and actions. XM_CF describes C
 * images, so each partition gets a placeholder application entry class to be replaced by the integrator.
 */
public final class XmcfImporter {

    private final Set<String> keywords;

    /** @param keywords the language's keywords; names that collide are escaped with {@code ^} */
    public XmcfImporter(Set<String> keywords) {
        this.keywords = Set.copyOf(keywords);
    }

    /**
     * @return the {@code .orrery} text and the warnings about what Orrery does not take over
     * @throws IOException when {@code xml} cannot be read; problems of its content are {@link XmcfException}s
     */
    public XmcfImport importFrom(InputStream xml) throws XmcfException, IOException {
        XmlTree root = XmlTree.parse(xml);
        if (!root.name.equals("SystemDescription")) {
            throw new XmcfException(root.line, root.column, "expected <SystemDescription>, found <" + root.name + ">");
        }
        Run run = new Run(root);
        String text = run.emit();
        return new XmcfImport(text, run.findings.sorted());
    }

    /** State of one import: names chosen so far and the text being written. */
    private final class Run {
        final XmlTree root;
        final StringBuilder out = new StringBuilder();
        final Set<String> used = new HashSet<>();
        final Map<Integer, String> partitionNames = new LinkedHashMap<>();
        final Map<Integer, XmlTree> partitions = new LinkedHashMap<>();
        final List<Long> times = new ArrayList<>();
        final XmcfFindings findings = new XmcfFindings();
        final XmcfMemory memory;
        final XmcfUnmapped unmapped = new XmcfUnmapped(findings);

        Run(XmlTree root) throws XmcfException {
            this.root = root;
            this.memory = new XmcfMemory(root, findings);
        }

        String emit() throws XmcfException {
            String system = name(root.attr("name"), "system");
            for (XmlTree p : root.path("PartitionTable/Partition")) {
                int id = XmcfValues.integer(p, "id");
                if (partitions.put(id, p) != null) {
                    throw new XmcfException(p.line, p.column, "partition id " + id + " is used twice");
                }
                partitionNames.put(id, name(p.attr("name", "p" + id), "p" + id));
            }
            List<XmlTree> processors = root.path("XMHypervisor/HwDescription/Processor");
            if (processors.isEmpty()) {
                throw new XmcfException(root.line, root.column, "no <Processor> in XMHypervisor/HwDescription");
            }
            Map<Integer, Map<Integer, XmlTree>> plans = plans(processors);
            collectTimes(plans);
            StringBuilder body = new StringBuilder();
            partitions(body, plans);
            Map<String, long[]> portFacts = channels(body);
            schedule(body, plans);
            healthMonitor(body, root.child("XMHypervisor"), "", true);
            unmapped.system(root);
            out.append("// Imported from XtratuM XM_CF '").append(root.attr("name")).append("' (version ")
                    .append(root.attr("version", "?")).append(").\n");
            out.append("system ").append(system).append("\n\n");
            board(processors);
            out.append(fillPorts(body.toString(), portFacts));
            return out.toString();
        }

        private Map<Integer, Map<Integer, XmlTree>> plans(List<XmlTree> processors) throws XmcfException {
            Map<Integer, Map<Integer, XmlTree>> byPlan = new TreeMap<>();
            for (XmlTree cpu : processors) {
                int core = XmcfValues.integer(cpu, "id");
                for (XmlTree plan : cpu.path("Sched/CyclicPlanTable/Plan")) {
                    byPlan.computeIfAbsent(XmcfValues.integer(plan, "id"), k -> new TreeMap<>()).put(core, plan);
                }
            }
            return byPlan;
        }

        private void collectTimes(Map<Integer, Map<Integer, XmlTree>> plans) throws XmcfException {
            for (Map<Integer, XmlTree> perCore : plans.values()) {
                for (XmlTree plan : perCore.values()) {
                    times.add(XmcfValues.nanos(plan, "majorFrame"));
                    for (XmlTree slot : plan.all("Slot")) {
                        times.add(XmcfValues.nanos(slot, "start"));
                        times.add(XmcfValues.nanos(slot, "duration"));
                    }
                }
            }
        }

        private void board(List<XmlTree> processors) throws XmcfException {
            long ram = memory.boardRam();
            for (XmlTree cpu : processors) {
                if (cpu.attributes.containsKey("frequency")) {
                    out.append("// XM_CF processor ").append(cpu.attr("id")).append(" runs at ").append(cpu.attr("frequency"))
                            .append("; Orrery's times are independent of the clock rate.\n");
                }
            }
            out.append("// Memory: the 'ram' regions of XM_CF's MemoryLayout.\n");
            out.append("board sim {\n    cores ").append(processors.size()).append('\n');
            out.append("    memory ").append(size(ram > 0 ? ram : 256L << 20)).append('\n');
            out.append("    tick ").append(time(tick())).append("\n}\n\n");
        }

        /** The coarsest common timer tick that every imported time is a multiple of. */
        private long tick() {
            for (long t : new long[] {1_000_000L, 100_000L, 10_000L, 1_000L, 100L, 10L}) {
                if (times.stream().allMatch(x -> x % t == 0)) {
                    return t;
                }
            }
            return 1;
        }

        private void partitions(StringBuilder b, Map<Integer, Map<Integer, XmlTree>> plans) throws XmcfException {
            List<XmcfMemory.Area> areas = new ArrayList<>();
            // XtratuM's own memory and its resident software take part in xmcparser's overlap check: keep them as
            // regions granted to no partition, so a partition area over them is an overlap here too.
            for (XmlTree a : root.path("XMHypervisor/PhysicalMemoryAreas/Area")) {
                areas.add(memory.area(a, null));
            }
            for (XmlTree a : root.path("ResidentSw/PhysicalMemoryAreas/Area")) {
                areas.add(memory.area(a, null));
            }
            for (Map.Entry<Integer, XmlTree> e : partitions.entrySet()) {
                XmlTree p = e.getValue();
                String name = partitionNames.get(e.getKey());
                TreeSet<Integer> cores = new TreeSet<>();
                cores.add(XmcfValues.integer(p, "processor"));
                for (Map<Integer, XmlTree> perCore : plans.values()) {
                    for (Map.Entry<Integer, XmlTree> pc : perCore.entrySet()) {
                        for (XmlTree slot : pc.getValue().all("Slot")) {
                            if (XmcfValues.integer(slot, "partitionId") == e.getKey()) {
                                cores.add(pc.getKey());
                            }
                        }
                    }
                }
                List<XmcfMemory.Area> own = new ArrayList<>();
                for (XmlTree a : p.path("PhysicalMemoryAreas/Area")) {
                    own.add(memory.area(a, name));
                }
                areas.addAll(own);
                long budget = memory.budget(p, name, own);
                unmapped.partition(p, name);
                b.append("partition ").append(name).append(" {\n");
                b.append("    cores ").append(String.join(", ", cores.stream().map(String::valueOf).toList())).append('\n');
                if (budget == 0) {
                    b.append("    // no private RAM area in XM_CF (only shared, ROM or device areas): a nominal budget\n");
                }
                b.append("    memory ").append(size(budget > 0 ? budget : 1L << 20)).append('\n');
                List<String> flags = List.of(p.attr("flags", "").trim().split("\\s+"));
                if (flags.contains("sv")) {
                    // XtratuM's supervisor partitions may manage the others and switch plans: Orrery's system partitions
                    b.append("    system-partition\n");
                }
                XmlTree temporal = p.child("TemporalRequirements");
                if (temporal != null) {
                    long period = XmcfValues.nanos(temporal, "period");
                    times.add(period);
                    b.append("    // XM_CF TemporalRequirements duration ").append(temporal.attr("duration", "?"))
                            .append(" (informative there; the windows give the time)\n");
                    b.append("    period ").append(time(period)).append('\n');
                }
                b.append("    // XM_CF describes a C image (loadPhysAddr ").append(p.attr("loadPhysAddr", "?")).append(", imageId ")
                        .append(p.attr("imageId", "?")).append("); name the Java application that replaces it.\n");
                b.append("    application \"imported.").append(name.replace("^", "")).append(".Application\"\n");
                for (XmlTree port : p.path("PortTable/Port")) {
                    String kind = port.attr("type").equalsIgnoreCase("queuing") ? "queuing" : "sampling";
                    String dir = port.attr("direction").equalsIgnoreCase("source") ? "out" : "in";
                    String portName = ident(port.attr("name"), "port");
                    b.append("    port ").append(portName).append(' ').append(kind).append(' ').append(dir)
                            .append(" @@").append(kind).append('|').append(dir).append('|').append(name).append('.')
                            .append(portName).append("@@\n");
                }
                healthMonitor(b, p, "    ", false);
                b.append("}\n\n");
            }
            memory.regions(b, areas, raw -> name(raw, "area"));
        }

        /** Writes channels; returns per port (partition.port) its {size, depth, refresh} from the channel. */
        private Map<String, long[]> channels(StringBuilder b) throws XmcfException {
            Map<String, long[]> facts = new HashMap<>();
            int n = 0;
            for (XmlTree ch : root.path("Channels/SamplingChannel")) {
                long size = XmcfValues.bytes(ch, "maxMessageLength");
                long refresh = ch.attributes.containsKey("validPeriod") ? XmcfValues.nanos(ch, "validPeriod") : 0;
                times.add(refresh);
                channel(b, ch, "sampling", "ch" + n++, size, 0, refresh, facts);
            }
            for (XmlTree ch : root.path("Channels/QueuingChannel")) {
                long size = XmcfValues.bytes(ch, "maxMessageLength");
                channel(b, ch, "queuing", "ch" + n++, size, XmcfValues.integer(ch, "maxNoMessages"), 0, facts);
            }
            if (n > 0) {
                b.append('\n');
            }
            return facts;
        }

        private void channel(StringBuilder b, XmlTree ch, String kind, String name, long size, long depth, long refresh,
                Map<String, long[]> facts) throws XmcfException {
            XmlTree src = ch.child("Source");
            if (src == null) {
                throw new XmcfException(ch.line, ch.column, "<" + ch.name + "> has no <Source>");
            }
            String from = endpoint(src);
            facts.put(from, new long[] {size, depth, 0});
            List<String> to = new ArrayList<>();
            for (XmlTree d : ch.all("Destination")) {
                String e = endpoint(d);
                facts.put(e, new long[] {size, depth, refresh});
                to.add(e);
            }
            if (to.isEmpty()) {
                throw new XmcfException(ch.line, ch.column, "<" + ch.name + "> has no <Destination>");
            }
            b.append("channel ").append(name).append(' ').append(kind).append(" from ").append(from).append(" to ")
                    .append(String.join(", ", to)).append('\n');
        }

        private String endpoint(XmlTree e) throws XmcfException {
            int id = XmcfValues.integer(e, "partitionId");
            String p = partitionNames.get(id);
            if (p == null) {
                throw new XmcfException(e.line, e.column, "no partition with id " + id);
            }
            return p + "." + ident(e.attr("portName"), "port");
        }

        /** Ports are written before channels are read; their sizes come from the channels afterwards. */
        private String fillPorts(String text, Map<String, long[]> facts) {
            StringBuilder sb = new StringBuilder();
            int i = 0;
            while (true) {
                int a = text.indexOf("@@", i);
                if (a < 0) {
                    sb.append(text, i, text.length());
                    return sb.toString();
                }
                int z = text.indexOf("@@", a + 2);
                String[] placeholder = text.substring(a + 2, z).split("\\|", 3);
                long[] f = facts.get(placeholder[2]);
                sb.append(text, i, a);
                boolean queuing = placeholder[0].equals("queuing");
                boolean destination = placeholder[1].equals("in");
                sb.append("size ").append(size(f == null ? 64 : f[0]));
                if (queuing) {
                    sb.append(" depth ").append(f == null || f[1] == 0 ? 1 : f[1]);
                } else if (destination && f != null && f[2] > 0) {
                    sb.append(" refresh ").append(time(f[2]));
                }
                if (f == null) {
                    sb.append(" // not in any channel: size assumed");
                }
                i = z + 2;
            }
        }

        private void schedule(StringBuilder b, Map<Integer, Map<Integer, XmlTree>> plans) throws XmcfException {
            boolean first = true;
            for (Map.Entry<Integer, Map<Integer, XmlTree>> plan : plans.entrySet()) {
                b.append("plan plan").append(plan.getKey()).append(first ? " initial" : "").append(" {\n");
                first = false;
                for (Map.Entry<Integer, XmlTree> core : plan.getValue().entrySet()) {
                    b.append("    core ").append(core.getKey()).append(" major-frame ")
                            .append(time(XmcfValues.nanos(core.getValue(), "majorFrame"))).append(" {\n");
                    for (XmlTree slot : core.getValue().all("Slot")) {
                        int id = XmcfValues.integer(slot, "partitionId");
                        String p = partitionNames.get(id);
                        if (p == null) {
                            throw new XmcfException(slot.line, slot.column, "slot for unknown partition id " + id);
                        }
                        b.append("        window ").append(p).append(" at ").append(time(XmcfValues.nanos(slot, "start")))
                                .append(" duration ").append(time(XmcfValues.nanos(slot, "duration"))).append('\n');
                    }
                    b.append("    }\n");
                }
                switches(b, plan.getKey(), plan.getValue(), plans.keySet());
                b.append("}\n\n");
            }
        }

        /**
         * XtratuM lets a supervisor ({@code sv}) partition switch to any plan but plan 0, taking effect at the end of
         * the major frame (core/kernel/objects/status.c, XM_SWITCH_SCHED_PLAN; core/kernel/sched.c, SwitchSchedPlan;
         * lfd/XtratuM at 3dbabf9). Orrery declares each switch: one per target plan and supervisor partition that
         * runs in this plan, so that plans other than the first stay reachable as they are in XtratuM.
         */
        private void switches(StringBuilder b, int planId, Map<Integer, XmlTree> perCore, Set<Integer> planIds) throws XmcfException {
            Set<String> requesters = new java.util.LinkedHashSet<>();
            for (XmlTree plan : perCore.values()) {
                for (XmlTree slot : plan.all("Slot")) {
                    int id = XmcfValues.integer(slot, "partitionId");
                    XmlTree p = partitions.get(id);
                    if (p != null && List.of(p.attr("flags", "").trim().split("\\s+")).contains("sv")) {
                        requesters.add(partitionNames.get(id));
                    }
                }
            }
            for (int target : planIds) {
                if (target >= 1 && target != planId) {
                    for (String r : requesters) {
                        b.append("    switch to plan").append(target).append(" by ").append(r).append('\n');
                    }
                }
            }
        }

        private void healthMonitor(StringBuilder b, XmlTree owner, String indent, boolean module) throws XmcfException {
            XmlTree hm = owner == null ? null : owner.child("HealthMonitoring");
            if (hm == null || hm.all("Event").isEmpty()) {
                return;
            }
            Map<ErrorCode, String> rules = new LinkedHashMap<>();
            List<String> dropped = new ArrayList<>();
            for (XmlTree ev : hm.all("Event")) {
                String event = ev.attr("name", "");
                boolean log = ev.attr("log").matches("(?i)yes|true");
                ErrorCode code = XmcfValues.error(event);
                String action = XmcfValues.action(ev.attr("action"), log, module);
                String kept = rules.putIfAbsent(code, action);
                if (kept != null) {
                    dropped.add(event);
                    warnDuplicate(ev, event, code, kept);
                }
            }
            b.append(indent).append("health-monitor {\n").append(indent).append("    state PROCESS_EXECUTION {\n");
            for (Map.Entry<ErrorCode, String> r : rules.entrySet()) {
                b.append(indent).append("        ").append(r.getKey().name()).append(" at ").append(module ? "module" : "partition")
                        .append(" -> ").append(r.getValue()).append('\n');
            }
            for (String d : dropped) {
                b.append(indent).append("        // ").append(d).append(": same Orrery error code as an earlier event\n");
            }
            b.append(indent).append("    }\n").append(indent).append("}\n");
            if (module) {
                b.append('\n');
            }
        }

        private void warnDuplicate(XmlTree ev, String event, ErrorCode code, String kept) {
            warn(ev, "Health-monitor event '" + event + "' maps to Orrery's " + code.name() + ", like an earlier "
                    + "event of the same table; Orrery keeps the earlier event's action (" + kept + ") for both. Order "
                    + "the events so that the action you want for " + code.name() + " comes first.");
        }

        private void warn(XmlTree at, String message) {
            findings.warn(at, message);
        }

        /** A valid identifier for {@code raw}, escaped with {@code ^} where it is a keyword (ports: unique per partition). */
        private String ident(String raw, String fallback) {
            String s = sanitize(raw, fallback);
            return keywords.contains(s) ? "^" + s : s;
        }

        private String sanitize(String raw, String fallback) {
            String s = raw == null ? "" : raw.replaceAll("[^A-Za-z0-9_]", "_");
            if (s.isEmpty()) {
                s = fallback;
            }
            if (!Character.isLetter(s.charAt(0)) && s.charAt(0) != '_') {
                s = "_" + s;
            }
            return s;
        }

        /** A valid identifier for {@code raw} that no other partition, region or system name uses. */
        private String name(String raw, String fallback) {
            String s = sanitize(raw, fallback);
            String base = s;
            for (int i = 2; used.contains(s.toLowerCase(Locale.ROOT)); i++) {
                s = base + "_" + i;
            }
            used.add(s.toLowerCase(Locale.ROOT));
            return keywords.contains(s) ? "^" + s : s;
        }

        private String time(long ns) {
            return ns == 0 ? "0 ms" : Units.formatNanos(ns);
        }

        private String size(long bytes) {
            return Units.formatBytes(bytes);
        }
    }
}
