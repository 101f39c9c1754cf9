// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.arinc;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import org.orrery.os.api.ErrorCode;
import org.orrery.os.config.HmAction;
import org.orrery.os.config.HmLevel;
import org.orrery.os.config.HmRule;
import org.orrery.os.config.HmTable;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.SystemState;

/**
 * The standard's three health-monitor tables, holding the rules the standard can say exactly: error identifiers
 * are Orrery error codes numbered from 1 (with the standard {@code ErrorCode} where one exists), module actions
 * IGNORE, SHUTDOWN and RESET, partition actions IGNORE, IDLE, WARM_START and COLD_START. A table with nothing
 * to say is left out (the schema wants at least one entry in each). Orrery's complete tables are in its module
 * extension.
 */
final class ArincHealthTables {

    private ArincHealthTables() {
    }

    /** Error levels per state; where tables disagree, the module table's level is the one given. */
    static void system(XmlOut w, SystemConfig c) {
        Map<SystemState, Map<ErrorCode, HmLevel>> levels = new EnumMap<>(SystemState.class);
        List<HmTable> ordered = new ArrayList<>(moduleTables(c));
        c.hmTables().stream().filter(t -> !t.partition().isEmpty()).forEach(ordered::add);
        for (HmTable t : ordered) {
            for (HmRule r : t.rules()) {
                levels.computeIfAbsent(t.state(), s -> new EnumMap<>(ErrorCode.class)).putIfAbsent(r.error(), r.level());
            }
        }
        if (levels.isEmpty()) {
            return;
        }
        w.open("System_HM_Table");
        levels.forEach((state, errors) -> {
            stateEntry(w, state);
            errors.forEach((e, level) -> {
                w.empty("Error_ID_Level").attr("ErrorIdentifier", id(e)).attr("Description", e.name()).attr("ErrorLevel", level.name());
                ArincNames.standardErrorCode(e).ifPresent(code -> w.attr("ErrorCode", code));
            });
            w.close();
        });
        w.close();
    }

    static void module(XmlOut w, SystemConfig c) {
        Map<SystemState, Map<ErrorCode, String>> actions = actions(moduleTables(c), HmLevel.MODULE,
                ArincNames::standardModuleAction, new EnumMap<>(SystemState.class));
        table(w, "Module_HM_Table", actions, () -> { });
    }

    /** The partition's own rules first, then the module table's partition-level rules, which also apply to it. */
    static void partition(XmlOut w, SystemConfig c, PartitionConfig p) {
        Map<SystemState, Map<ErrorCode, String>> actions = new EnumMap<>(SystemState.class);
        actions(c.hmTables().stream().filter(t -> t.partition().equals(p.name())).toList(), HmLevel.PARTITION,
                ArincNames::standardPartitionAction, actions);
        actions(moduleTables(c), HmLevel.PARTITION, ArincNames::standardPartitionAction, actions);
        table(w, "Partition_HM_Table", actions, () -> ArincExporter.ids(w, p));
    }

    private static Map<SystemState, Map<ErrorCode, String>> actions(List<HmTable> tables, HmLevel level,
            Function<HmAction, Optional<String>> standard, Map<SystemState, Map<ErrorCode, String>> into) {
        for (HmTable t : tables) {
            for (HmRule r : t.rules()) {
                Optional<String> a = standard.apply(r.action());
                if (r.level() == level && a.isPresent()) {
                    into.computeIfAbsent(t.state(), s -> new TreeMap<>()).putIfAbsent(r.error(), a.get());
                }
            }
        }
        return into;
    }

    private static void table(XmlOut w, String name, Map<SystemState, Map<ErrorCode, String>> actions, Runnable attrs) {
        if (actions.isEmpty()) {
            return;
        }
        w.open(name);
        attrs.run();
        actions.forEach((state, errors) -> {
            stateEntry(w, state);
            errors.forEach((e, action) -> w.empty("Error_ID_Action").attr("ErrorIdentifier", id(e))
                    .attr("Description", e.name()).attr("Action", action));
            w.close();
        });
        w.close();
    }

    private static void stateEntry(XmlOut w, SystemState state) {
        w.open("System_State_Entry").attr("SystemState", state.ordinal() + 1).attr("Description", state.name());
    }

    static int id(ErrorCode e) {
        return e.ordinal() + 1;
    }

    private static List<HmTable> moduleTables(SystemConfig c) {
        return c.hmTables().stream().filter(t -> t.partition().isEmpty()).toList();
    }
}
