// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.arinc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.orrery.dsl.xtratum.XmlTree;
import org.orrery.os.api.ErrorCode;
import org.orrery.os.config.HmAction;
import org.orrery.os.config.HmLevel;
import org.orrery.os.config.HmRule;
import org.orrery.os.config.HmTable;
import org.orrery.os.config.SystemState;

/**
 * Health-monitor tables of a file without Orrery's extension, from the standard's three tables. Error
 * identifiers and system states are numbered by each vendor; one maps to Orrery when its {@code ErrorCode}
 * (or its description) names an Orrery error code, a state when its description names an Orrery state.
 * Entries that do not map are skipped with one warning per identifier.
 */
final class ArincHealthImport {

    private final Map<Integer, String> partitions;
    private final List<ArincImport.Finding> warnings;
    private final Map<Integer, ErrorCode> errors = new HashMap<>();
    private final Map<String, HmLevel> levels = new HashMap<>();
    private final Set<String> warned = new HashSet<>();
    private final Map<String, Map<ErrorCode, HmRule>> tables = new LinkedHashMap<>();

    ArincHealthImport(Map<Integer, String> partitions, List<ArincImport.Finding> warnings) {
        this.partitions = partitions;
        this.warnings = warnings;
    }

    List<HmTable> tables(XmlTree root) throws ArincException {
        for (XmlTree entry : root.path("System_HM_Table/System_State_Entry")) {
            for (XmlTree l : entry.all("Error_ID_Level")) {
                int id = ArincValues.integer(l, "ErrorIdentifier");
                Optional<ErrorCode> e = ArincNames.errorCode(l.attr("ErrorCode", null));
                e = e.isPresent() ? e : ArincNames.errorCode(l.attr("Description", null));
                e.ifPresent(code -> errors.putIfAbsent(id, code));
                levels.put(entry.attr("SystemState", "") + "/" + id, HmLevel.valueOf(ArincValues.text(l, "ErrorLevel")));
            }
        }
        for (XmlTree entry : root.path("Module_HM_Table/System_State_Entry")) {
            actions("", entry, HmLevel.MODULE);
        }
        for (XmlTree t : root.all("Partition_HM_Table")) {
            int id = ArincValues.integer(t, "PartitionIdentifier");
            String p = partitions.get(id);
            if (p == null) {
                throw new ArincException(t.line, t.column, "no <Partition> with identifier " + id);
            }
            for (XmlTree entry : t.all("System_State_Entry")) {
                actions(p, entry, null);
            }
        }
        List<HmTable> out = new ArrayList<>();
        tables.forEach((key, rules) -> {
            String[] k = key.split("/", 2);
            out.add(new HmTable(k[0], SystemState.valueOf(k[1]), List.copyOf(rules.values())));
        });
        return out;
    }

    /** @param fixed the level of every rule (module table), or null to take it from the system table */
    private void actions(String partition, XmlTree entry, HmLevel fixed) throws ArincException {
        Optional<SystemState> state = state(entry);
        if (state.isEmpty()) {
            return;
        }
        for (XmlTree a : entry.all("Error_ID_Action")) {
            int id = ArincValues.integer(a, "ErrorIdentifier");
            ErrorCode e = errors.get(id);
            if (e == null) {
                once("error " + id, a, "error identifier " + id + " ('" + a.attr("Description", "") + "') has no Orrery "
                        + "error code (no ARINC ErrorCode in the System_HM_Table); its actions are skipped");
                continue;
            }
            HmAction action = ArincNames.action(ArincValues.text(a, "Action")).orElseThrow(
                    () -> new ArincException(a.line, a.column, "unknown health-monitor action '" + a.attr("Action", "") + "'"));
            HmLevel level = fixed != null ? fixed : levels.getOrDefault(entry.attr("SystemState", "") + "/" + id, HmLevel.PARTITION);
            if (!action.allowedAt(level)) {
                level = HmLevel.PARTITION;
            }
            tables.computeIfAbsent(partition + "/" + state.get().name(), k -> new LinkedHashMap<>())
                    .putIfAbsent(e, new HmRule(e, level, action, ""));
        }
    }

    private Optional<SystemState> state(XmlTree entry) {
        String description = entry.attr("Description", "");
        for (SystemState s : SystemState.values()) {
            if (s.name().equals(description)) {
                return Optional.of(s);
            }
        }
        once("state " + entry.attr("SystemState", ""), entry, "system state " + entry.attr("SystemState", "") + " ('"
                + description + "') is not an Orrery state (" + List.of(SystemState.values()) + "); its entries are skipped");
        return Optional.empty();
    }

    private void once(String key, XmlTree at, String message) {
        if (warned.add(key)) {
            warnings.add(new ArincImport.Finding(at.line, at.column, message));
        }
    }
}
