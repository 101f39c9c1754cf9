// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.orrery.dsl.model.ConfigEnums;
import org.orrery.dsl.orrery.HealthMonitor;
import org.orrery.dsl.orrery.HmRule;
import org.orrery.dsl.orrery.Model;
import org.orrery.os.api.ErrorCode;
import org.orrery.os.config.HmAction;
import org.orrery.os.config.HmLevel;
import org.orrery.os.config.SystemState;

import com.google.inject.Inject;

/**
 * The grammar's keywords for shared enumerations are held to the OS's enums: every OS constant can be
 * written, parses, and maps back to itself, and no grammar literal is left without an OS constant.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(OrreryInjectorProvider.class)
class EnumCoverageTest {

    @Inject
    private ParseHelper<Model> parser;

    @Test
    void everyErrorCodeParsesAndMapsOneToOne() throws Exception {
        for (ErrorCode e : ErrorCode.values()) {
            HmRule r = parseRule(e.name() + " at module -> LOG");
            assertEquals(e, ConfigEnums.error(r.getError()));
        }
        assertBijective(org.orrery.dsl.orrery.HmError.VALUES, ErrorCode.class, ConfigEnums::error);
    }

    @Test
    void everyHmActionParsesAndMapsOneToOne() throws Exception {
        for (HmAction a : HmAction.values()) {
            HmRule r = parseRule("POWER_FAIL at module -> " + a.name());
            assertEquals(a, ConfigEnums.action(r.getAction()));
        }
        assertBijective(org.orrery.dsl.orrery.HmAction.VALUES, HmAction.class, ConfigEnums::action);
    }

    @Test
    void everyHmLevelAndSystemStateMapsOneToOne() throws Exception {
        for (HmLevel l : HmLevel.values()) {
            HmRule r = parseRule("POWER_FAIL at " + l.name().toLowerCase(java.util.Locale.ROOT) + " -> LOG");
            assertEquals(l, ConfigEnums.level(r.getLevel()));
        }
        assertBijective(org.orrery.dsl.orrery.HmLevel.VALUES, HmLevel.class, ConfigEnums::level);
        for (SystemState s : SystemState.values()) {
            Model m = parser.parse("health-monitor { state " + s.name() + " { } }");
            assertTrue(m.eResource().getErrors().isEmpty(), s.name());
            assertEquals(s, ConfigEnums.state(((HealthMonitor) m.getElements().get(0)).getStates().get(0).getState()));
        }
        assertBijective(org.orrery.dsl.orrery.HmSystemState.VALUES, SystemState.class, ConfigEnums::state);
    }

    @Test
    void otherSharedEnumsAreCoveredByTheGrammar() {
        assertBijective(org.orrery.dsl.orrery.Criticality.VALUES, org.orrery.os.config.Criticality.class, ConfigEnums::criticality);
        assertBijective(org.orrery.dsl.orrery.Policy.VALUES, org.orrery.os.config.SchedulingPolicy.class, ConfigEnums::policy);
        assertBijective(org.orrery.dsl.orrery.ProcessKind.VALUES, org.orrery.os.config.ProcessKind.class, ConfigEnums::processKind);
        assertBijective(org.orrery.dsl.orrery.PortKind.VALUES, org.orrery.os.config.PortKind.class, ConfigEnums::portKind);
        assertBijective(org.orrery.dsl.orrery.PortDirection.VALUES, org.orrery.os.config.PortDirection.class, ConfigEnums::direction);
        assertBijective(org.orrery.dsl.orrery.Overflow.VALUES, org.orrery.os.config.OverflowPolicy.class, ConfigEnums::overflow);
        assertBijective(org.orrery.dsl.orrery.Access.VALUES, org.orrery.os.config.MemoryAccess.class, ConfigEnums::access);
        assertBijective(org.orrery.dsl.orrery.VmKind.VALUES, org.orrery.os.config.VmKind.class, ConfigEnums::vmKind);
        // Service kinds are finer in the language (client/server roles); every OS kind must still be reachable.
        Set<org.orrery.os.config.ServiceKind> reached = EnumSet.noneOf(org.orrery.os.config.ServiceKind.class);
        org.orrery.dsl.orrery.ServiceKind.VALUES.forEach(k -> reached.add(ConfigEnums.serviceKind(k)));
        assertEquals(EnumSet.allOf(org.orrery.os.config.ServiceKind.class), reached);
    }

    private HmRule parseRule(String rule) throws Exception {
        Model m = parser.parse("health-monitor { state PROCESS_EXECUTION { " + rule + " } }");
        assertTrue(m.eResource().getErrors().isEmpty(), () -> rule + ": " + m.eResource().getErrors());
        HmRule r = ((HealthMonitor) m.getElements().get(0)).getStates().get(0).getRules().get(0);
        assertNotNull(r);
        return r;
    }

    private static <L extends Enumerator, E extends Enum<E>> void assertBijective(List<L> literals, Class<E> target,
            Function<L, E> map) {
        Set<E> images = EnumSet.noneOf(target);
        for (L l : literals) {
            assertTrue(images.add(map.apply(l)), "two literals map to " + map.apply(l));
        }
        assertEquals(EnumSet.allOf(target), images, "grammar literals of " + target.getSimpleName());
    }
}
