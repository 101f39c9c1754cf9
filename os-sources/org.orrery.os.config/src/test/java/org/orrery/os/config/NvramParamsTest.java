// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** NVRAM parameters (format version 2) and the free-text length limit the reader enforces. */
class NvramParamsTest {

    private static SystemConfig withBoard(BoardConfig b) {
        SystemConfig c = Samples.minimal();
        return new SystemConfig(c.name(), b, c.memoryRegions(), c.partitions(), c.channels(), c.plans(),
                c.initialPlan(), c.planSwitchRules(), c.hmTables(), c.services(), c.vms());
    }

    private static SystemConfig withParams(long nvramSize, NvramParam... params) {
        return withBoard(new BoardConfig("sim", 1, 1 << 20, 1_000, false, List.of(), 0, nvramSize, List.of(params),
                List.of()));
    }

    @Test
    void paramsRoundTripInOrderWithTheirTypes() throws ConfigException {
        SystemConfig c = withParams(1024, new NvramParam("mtu", ParamType.INTEGER, "-1500"),
                new NvramParam("host", ParamType.TEXT, "gw ü"), new NvramParam("empty", ParamType.TEXT, ""));
        SystemConfig back = ConfigReader.read(ConfigWriter.write(c));
        assertEquals(c.board().nvramParams(), back.board().nvramParams());
        assertEquals(c, back);
    }

    @Test
    void paramsChangeTheBytes() throws ConfigException {
        byte[] a = ConfigWriter.write(withParams(1024, new NvramParam("mtu", ParamType.INTEGER, "1500")));
        byte[] b = ConfigWriter.write(withParams(1024, new NvramParam("mtu", ParamType.INTEGER, "9000")));
        assertTrue(!java.util.Arrays.equals(a, b));
    }

    @Test
    void badParamsAreNamed() {
        List<ConfigProblem> problems = ConfigValidator.validate(withParams(1024,
                new NvramParam("mtu", ParamType.INTEGER, "15OO"), new NvramParam("mtu", ParamType.TEXT, "x"),
                new NvramParam("a b", ParamType.TEXT, "")));
        assertEquals(List.of(
                new ConfigProblem("board.nvramParams", "duplicate name 'mtu'"),
                new ConfigProblem("board.nvramParams[mtu].value", "'15OO' is not a 64-bit decimal integer"),
                new ConfigProblem("board.nvramParams[a b].name", "must not contain spaces or control characters")),
                problems);
    }

    @Test
    void paramsMustFitInTheNvram() {
        // "hostname" (8 bytes) + "orrery-gw" (9 bytes) + 4 bytes of framing = 21 bytes.
        NvramParam host = new NvramParam("hostname", ParamType.TEXT, "orrery-gw");
        assertEquals(21, host.storageBytes());
        assertEquals(List.of(), ConfigValidator.validate(withParams(21, host)));
        assertEquals(List.of(new ConfigProblem("board.nvramParams", "the parameters need 21 bytes of NVRAM, the board has 20")),
                ConfigValidator.validate(withParams(20, host)));
        assertEquals(List.of(new ConfigProblem("board.nvramParams", "the parameters need 21 bytes of NVRAM, the board has 0")),
                ConfigValidator.validate(withParams(0, host)));
    }

    @Test
    void textLongerThanTheFormatAllowsIsRefusedByTheWriter() {
        // Before, the writer encoded it and only the reader refused it: a configuration that could never boot.
        SystemConfig c = Samples.minimal();
        PartitionConfig p = c.partitions().get(0);
        String longClass = "demo." + "A".repeat(Limits.MAX_STRING_BYTES);
        PartitionConfig big = new PartitionConfig(p.name(), p.index(), p.cores(), p.memoryBudget(), p.criticality(),
                p.policy(), p.timeSliceNs(), longClass, p.sourcePath(), p.watchdogPeriodNs(), p.processes(), p.ports());
        SystemConfig c2 = new SystemConfig(c.name(), c.board(), c.memoryRegions(), List.of(big), c.channels(), c.plans(),
                c.initialPlan(), c.planSwitchRules(), c.hmTables(), c.services(), c.vms());
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigWriter.write(c2));
        assertEquals(List.of(new ConfigProblem("partitions[p].entryClass", (Limits.MAX_STRING_BYTES + 5)
                + " bytes of UTF-8, at most " + Limits.MAX_STRING_BYTES + " allowed")), e.problems());
    }

    @Test
    void aVersion1ConfigurationIsRefusedWithTheVersionNamed() throws ConfigException {
        byte[] data = ConfigWriter.write(Samples.minimal());
        data[4] = 0;
        data[5] = 1;
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigReader.read(data));
        assertEquals("header.version", e.field());
        assertTrue(e.getMessage().contains("format version 1 is not supported (this reader reads version " + ConfigFormat.VERSION + ")"),
                e.getMessage());
    }
}
