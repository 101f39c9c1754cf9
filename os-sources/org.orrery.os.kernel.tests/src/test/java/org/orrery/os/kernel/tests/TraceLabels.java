// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.orrery.os.api.ErrorCode;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.ProcessState;
import org.orrery.os.config.HmAction;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.trace.ctf.CtfNames;

/**
 * Names for a system's trace numbers, laid out as {@code orrery run} declares them (module -1, the initialisation
 * process -2, the error handler -3, processes and ports counted within their partition), and the label each
 * field of an event must then show: what a reader of a named trace is promised.
 */
record TraceLabels(Map<String, Map<Long, String>> byField, Map<String, List<Map<Long, String>>> perPartition) {

    static TraceLabels of(SystemConfig config) {
        Map<Long, String> partitions = new TreeMap<>(Map.of(-1L, "module"));
        List<Map<Long, String>> processes = new ArrayList<>();
        List<Map<Long, String>> ports = new ArrayList<>();
        for (PartitionConfig p : config.partitions()) {
            partitions.put((long) p.index(), p.name());
            Map<Long, String> procs = new TreeMap<>(Map.of(-2L, "init", -3L, "error_handler"));
            for (int i = 0; i < p.processes().size(); i++) {
                procs.put((long) i, p.processes().get(i).name());
            }
            processes.add(procs);
            ports.add(indexed(p.ports().stream().map(port -> port.name()).toList()));
        }
        Map<Long, String> plans = indexed(config.plans().stream().map(plan -> plan.name()).toList());
        Map<String, Map<Long, String>> byField = new TreeMap<>();
        byField.put("partition", partitions);
        byField.put("plan", plans);
        byField.put("from_plan", plans);
        byField.put("to_plan", plans);
        byField.put("from_mode", ordinals(PartitionMode.values()));
        byField.put("to_mode", ordinals(PartitionMode.values()));
        byField.put("state", ordinals(ProcessState.values()));
        byField.put("error_code", ordinals(ErrorCode.values()));
        byField.put("action", ordinals(HmAction.values()));
        return new TraceLabels(byField, Map.of("process", processes, "port", ports));
    }

    CtfNames names() {
        CtfNames.Builder b = CtfNames.builder();
        byField.forEach((field, labels) -> b.field(labels, field));
        perPartition.forEach(b::perPartition);
        return b.build();
    }

    /** The label field {@code i} of {@code e} must show, or null where it is a plain number. */
    String label(BabeltraceFieldValuesTest.Recorded e, int i) {
        String field = e.type().fieldNames().get(i);
        long value = e.field(i);
        List<Map<Long, String>> tables = perPartition.get(field);
        if (tables != null) {
            long partition = e.f0();
            return partition >= 0 && partition < tables.size() ? tables.get((int) partition).get(value) : null;
        }
        Map<Long, String> table = byField.get(field);
        return table == null ? null : table.get(value);
    }

    private static Map<Long, String> indexed(List<String> names) {
        Map<Long, String> m = new TreeMap<>();
        for (int i = 0; i < names.size(); i++) {
            m.put((long) i, names.get(i));
        }
        return m;
    }

    private static Map<Long, String> ordinals(Enum<?>[] values) {
        Map<Long, String> m = new TreeMap<>();
        for (Enum<?> v : values) {
            m.put((long) v.ordinal(), v.name());
        }
        return m;
    }
}
