// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.orrery.dsl.Compilation;
import org.orrery.dsl.SystemCompiler;
import org.orrery.os.config.ConfigReader;
import org.orrery.os.config.ConfigWriter;
import org.orrery.os.config.NvramParam;
import org.orrery.os.config.ParamType;
import org.orrery.os.config.SystemConfig;

/** The wan-router's NVRAM {@code param}s reach the canonical configuration, typed, and survive the binary format. */
class NvramParamsTest {

    @Test
    void wanRouterParamsAreInTheConfiguration() throws Exception {
        Compilation c = SystemCompiler.create().compile(Fixtures.example("wan-router"));
        SystemConfig config = c.config().orElseThrow(() -> new AssertionError(c.diagnostics()));
        assertEquals(List.of(new NvramParam("hostname", ParamType.TEXT, "orrery-gw"),
                new NvramParam("lag_mode", ParamType.TEXT, "active-backup"),
                new NvramParam("lag_members", ParamType.TEXT, "wan0,wan1"),
                new NvramParam("mtu", ParamType.INTEGER, "1500")), config.board().nvramParams());
        assertEquals(64 * 1024, config.board().nvramSize());
        byte[] bytes = ConfigWriter.write(config);
        assertEquals(config, ConfigReader.read(bytes));
        SystemConfig again = SystemCompiler.create().compile(Fixtures.example("wan-router")).config().orElseThrow();
        assertArrayEquals(bytes, ConfigWriter.write(again), "same model, same bytes");
    }

    @Test
    void boardsWithoutNvramHaveNoParams() {
        SystemConfig config = SystemCompiler.create().compile(Fixtures.example("flight-control")).config().orElseThrow();
        assertEquals(List.of(), config.board().nvramParams());
    }
}
