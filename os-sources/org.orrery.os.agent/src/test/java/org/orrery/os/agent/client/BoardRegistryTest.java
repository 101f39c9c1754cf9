// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoardRegistryTest {

    private static final String FP = "SHA256:" + "x".repeat(43);

    @TempDir
    Path home;

    @Test
    void addListRenameUpdateRemove() throws Exception {
        BoardRegistry r = new BoardRegistry(home);
        assertEquals(List.of(), r.list());
        r.add(new BoardRegistry.Board("bench-1", "127.0.0.1:7000", FP, null, null));
        r.add(new BoardRegistry.Board("rig", "[::1]:7001", FP, null, null));
        r.rename("bench-1", "bench-2");
        Instant t = Instant.parse("2026-12-04T22:00:00Z");
        r.update(r.get("bench-2").seen(t, "sim: running demo 1.0 abc\tslots a=good*"));
        assertEquals(List.of(new BoardRegistry.Board("bench-2", "127.0.0.1:7000", FP, t, "sim: running demo 1.0 abc slots a=good*"),
                new BoardRegistry.Board("rig", "[::1]:7001", FP, null, null)), new BoardRegistry(home).list());
        assertEquals(7001, r.get("rig").socketAddress().getPort());
        assertTrue(r.get("rig").socketAddress().getAddress().isLoopbackAddress());
        assertEquals("::1", BoardRegistry.parseAddress("[::1]:7001").getHostString());
        r.remove("rig");
        assertEquals(List.of("bench-2"), r.list().stream().map(BoardRegistry.Board::name).toList());
        try (var files = Files.list(home)) {
            assertEquals(List.of(BoardRegistry.FILE), files.map(p -> p.getFileName().toString()).toList(),
                    "atomic rewrites leave no temporary files");
        }
    }

    @Test
    void mistakesAreOneClearMessage() throws Exception {
        BoardRegistry r = new BoardRegistry(home);
        r.add(new BoardRegistry.Board("a", "h:1", FP, null, null));
        AgentException dup = assertThrows(AgentException.class, () -> r.add(new BoardRegistry.Board("a", "h:2", FP, null, null)));
        assertTrue(dup.getMessage().startsWith("a board named 'a' is already in "), dup.getMessage());
        AgentException unknown = assertThrows(AgentException.class, () -> r.get("zz"));
        assertEquals("no board named 'zz' in " + r.file() + " (boards: a)", unknown.getMessage());
        assertEquals("address 'nohost' must be HOST:PORT",
                assertThrows(IllegalArgumentException.class, () -> BoardRegistry.parseAddress("nohost")).getMessage());
        assertEquals("address 'h:99999' has no port between 1 and 65535",
                assertThrows(IllegalArgumentException.class, () -> BoardRegistry.parseAddress("h:99999")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> r.add(new BoardRegistry.Board("bad name", "h:1", FP, null, null)));
        Files.writeString(r.file(), "a\th:1\n");
        IOException e = assertThrows(IOException.class, r::list);
        assertTrue(e.getMessage().startsWith(r.file() + ":1: expected 5 tab-separated fields"), e.getMessage());
    }
}
