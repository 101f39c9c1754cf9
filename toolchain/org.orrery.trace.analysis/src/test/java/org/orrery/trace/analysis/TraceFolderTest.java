// SPDX-License-Identifier: EPL-2.0
package org.orrery.trace.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.config.ConfigFormat;
import org.orrery.trace.testing.TimelineSystems;

class TraceFolderTest {

    @TempDir
    Path dir;

    @Test
    void aTraceFolderCarriesItsConfiguration() throws Exception {
        TimelineSystems.conformingRun(2).writeFolder(dir, TimelineSystems.twoCores());
        Timeline t = TraceFolder.load(dir, TimelineBuilder.EXACT);
        assertEquals("timeline", t.config().name());
        assertEquals(4, t.lane(0).windows().size());
        assertTrue(t.conforms());
    }

    @Test
    void aFolderWithoutConfigurationIsRefusedWithItsName() throws Exception {
        TimelineSystems.conformingRun(1).writeAndRead(dir);
        IOException e = assertThrows(IOException.class, () -> TraceFolder.load(dir, TimelineBuilder.EXACT));
        assertTrue(e.getMessage().contains("not an Orrery trace folder"), e.getMessage());
    }

    @Test
    void aDamagedConfigurationIsReportedNotThrownRaw() throws Exception {
        TimelineSystems.conformingRun(1).writeFolder(dir, TimelineSystems.twoCores());
        Files.write(dir.resolve(ConfigFormat.TRACE_COMPANION_FILE), new byte[] {1, 2, 3});
        IOException e = assertThrows(IOException.class, () -> TraceFolder.load(dir, TimelineBuilder.EXACT));
        assertTrue(e.getMessage().startsWith(dir.resolve(ConfigFormat.TRACE_COMPANION_FILE).toString()), e.getMessage());
    }
}
