// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ConfigRoundTripTest {

    @Test
    void fullConfigurationRoundTrips() throws ConfigException {
        SystemConfig c = Samples.full();
        assertEquals(List.of(), ConfigValidator.validate(c));
        assertEquals(c, ConfigReader.read(ConfigWriter.write(c)));
    }

    @Test
    void minimalConfigurationRoundTrips() throws ConfigException {
        SystemConfig c = Samples.minimal();
        assertEquals(c, ConfigReader.read(ConfigWriter.write(c)));
    }

    @Test
    void sameModelGivesSameBytes() throws ConfigException {
        byte[] first = ConfigWriter.write(Samples.full());
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(first, ConfigWriter.write(Samples.full()));
        }
        // Re-encoding what was read reproduces the bytes exactly.
        assertArrayEquals(first, ConfigWriter.write(ConfigReader.read(first)));
    }

    @Test
    void optionMapOrderDoesNotChangeBytes() throws ConfigException {
        SystemConfig c = Samples.full();
        Map<String, String> reversed = new TreeMap<String, String>(java.util.Comparator.reverseOrder());
        reversed.putAll(c.services().get(0).options());
        ServiceConfig s = c.services().get(0);
        ServiceConfig s2 = new ServiceConfig(s.kind(), s.partition(), s.port(), (Map<String, String>) reversed);
        SystemConfig c2 = new SystemConfig(c.name(), c.board(), c.memoryRegions(), c.partitions(), c.channels(),
                c.plans(), c.initialPlan(), c.planSwitchRules(), c.hmTables(), List.of(s2), c.vms());
        assertArrayEquals(ConfigWriter.write(c), ConfigWriter.write(c2));
    }

    @Test
    void differentModelsGiveDifferentBytes() throws ConfigException {
        SystemConfig c = Samples.full();
        List<PlanConfig> plans = new ArrayList<>(c.plans());
        plans.add(new PlanConfig("spare", List.of(new CoreFrame(0, 10 * Samples.MS)), List.of()));
        SystemConfig c2 = new SystemConfig(c.name(), c.board(), c.memoryRegions(), c.partitions(), c.channels(),
                plans, c.initialPlan(), c.planSwitchRules(), c.hmTables(), c.services(), c.vms());
        byte[] a = ConfigWriter.write(c);
        byte[] b = ConfigWriter.write(c2);
        assertEquals(false, java.util.Arrays.equals(a, b));
        assertEquals(c2, ConfigReader.read(b));
    }
}
