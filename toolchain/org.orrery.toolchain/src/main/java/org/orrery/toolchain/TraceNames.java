// SPDX-License-Identifier: EPL-2.0
package org.orrery.toolchain;

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
import org.orrery.os.trace.WatchdogKind;
import org.orrery.os.trace.ctf.CtfNames;

/**
 * The names a run's trace declares for its numbers, from the configuration it booted: babeltrace2, Trace Compass
 * and {@code orrery trace dump} then show {@code partition = "fcs"} instead of {@code partition = 0}.
 */
public final class TraceNames {

    /** Table index of "the module" in partition fields (health monitor and board watchdog events). */
    private static final long MODULE = -1;
    /** The kernel's trace indexes of each partition's initialisation process and error handler. */
    private static final long INIT_PROCESS = -2;
    private static final long ERROR_HANDLER = -3;

    private TraceNames() {
    }

    public static CtfNames of(SystemConfig config) {
        Map<Long, String> partitions = new TreeMap<>(Map.of(MODULE, "module"));
        List<Map<Long, String>> processes = new ArrayList<>();
        List<Map<Long, String>> ports = new ArrayList<>();
        // A partition's index is its position in the configuration (the validator checks it), as the lists here.
        for (PartitionConfig p : config.partitions()) {
            partitions.put((long) p.index(), p.name());
            Map<Long, String> procs = new TreeMap<>(Map.of(INIT_PROCESS, "init", ERROR_HANDLER, "error_handler"));
            for (int i = 0; i < p.processes().size(); i++) {
                procs.put((long) i, p.processes().get(i).name());
            }
            processes.add(procs);
            ports.add(indexed(p.ports().stream().map(port -> port.name()).toList()));
        }
        return CtfNames.builder()
                .field(partitions, "partition")
                .field(indexed(config.plans().stream().map(plan -> plan.name()).toList()), "plan", "from_plan",
                        "to_plan")
                .field(ordinals(PartitionMode.values()), "from_mode", "to_mode")
                .field(ordinals(ProcessState.values()), "state")
                .field(ordinals(ErrorCode.values()), "error_code")
                .field(ordinals(HmAction.values()), "action")
                .field(ordinals(WatchdogKind.values()), "watchdog")
                .perPartition("process", processes)
                .perPartition("port", ports)
                .build();
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
