// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.model;

import org.orrery.dsl.orrery.Access;
import org.orrery.dsl.orrery.Board;
import org.orrery.dsl.orrery.Bsp;
import org.orrery.dsl.orrery.BuiltinBoard;
import org.orrery.dsl.orrery.MemoryRegion;

/**
 * Cores, memory and timer tick of a board, with the built-in boards' defaults filled in. A user BSP's
 * memory is the sum of its writable regions.
 */
public record BoardFacts(String name, int cores, long memory, long tickNs) {

    public static final int DEFAULT_CORES = 1;
    public static final long DEFAULT_MEMORY = 256L << 20;
    public static final long DEFAULT_TICK_NS = 100_000L;
    /** The built-in real-time Linux boards ({@code hosted-linux-x86_64}, ...) share it. */
    public static final String HOSTED_PREFIX = "hosted-linux-";

    public static BoardFacts of(Board board) {
        if (board == null) {
            return null;
        }
        Bsp bsp = board.getBsp();
        if (bsp != null && !bsp.eIsProxy()) {
            int cores = bsp.getCores() > 0 ? bsp.getCores() : DEFAULT_CORES;
            long tick = bsp.getTick() != null ? Units.nanos(bsp.getTick()) : DEFAULT_TICK_NS;
            long memory = 0;
            for (MemoryRegion r : bsp.getRegions()) {
                Access a = r.getAccess();
                if (a == Access.READ_WRITE || a == Access.READ_WRITE_EXECUTE) {
                    memory = saturatingAdd(memory, Units.bytes(r.getSize()));
                }
            }
            // Board-level overrides win, so a BSP can be reused with a smaller configuration.
            cores = board.getCores() > 0 ? board.getCores() : cores;
            memory = board.getMemory() != null ? Units.bytes(board.getMemory()) : memory;
            tick = board.getTick() != null ? Units.nanos(board.getTick()) : tick;
            return new BoardFacts(bsp.getName(), cores, memory, tick);
        }
        String name = board.getBuiltin() == null ? BuiltinBoard.SIM.getLiteral() : board.getBuiltin().getLiteral();
        return new BoardFacts(name,
                board.getCores() > 0 ? board.getCores() : DEFAULT_CORES,
                board.getMemory() != null ? Units.bytes(board.getMemory()) : DEFAULT_MEMORY,
                board.getTick() != null ? Units.nanos(board.getTick()) : DEFAULT_TICK_NS);
    }

    static long saturatingAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
