// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.linux;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.orrery.os.bsp.hosted.BoardUnavailableException;

/**
 * Freezes and thaws one group through its control files, kept open. A freeze request returns at once; the kernel
 * stops the tasks asynchronously and {@link #frozen()} confirms it.
 */
final class Freezer implements AutoCloseable {
    private final FreezeInterface kind;
    private final ControlFile control;
    private final ControlFile state;
    private final ByteBuffer freeze;
    private final ByteBuffer thaw;
    private final byte[] frozenMark;

    private Freezer(FreezeInterface kind, ControlFile control, ControlFile state, String freeze, String thaw,
            String frozenMark) {
        this.kind = kind;
        this.control = control;
        this.state = state;
        this.freeze = ControlFile.bytes(freeze);
        this.thaw = ControlFile.bytes(thaw);
        this.frozenMark = frozenMark.getBytes(StandardCharsets.US_ASCII);
    }

    /** Opens the freeze files of {@code dir}, a group of the hierarchy that {@code kind} works in. */
    static Freezer open(FreezeInterface kind, Path dir) throws BoardUnavailableException {
        if (kind == FreezeInterface.V1_FREEZER) {
            // freezer.state reads FREEZING until every task has stopped, then FROZEN.
            ControlFile f = ControlFile.open(dir.resolve("freezer.state"), true);
            return new Freezer(kind, f, f, "FROZEN", "THAWED", "FROZEN");
        }
        ControlFile control = ControlFile.open(dir.resolve("cgroup.freeze"), true);
        try {
            return new Freezer(kind, control, ControlFile.open(dir.resolve("cgroup.events"), false),
                    "1", "0", "frozen 1");
        } catch (BoardUnavailableException e) {
            control.close();
            throw e;
        }
    }

    FreezeInterface kind() {
        return kind;
    }

    void freeze() throws BoardUnavailableException {
        control.write(freeze);
    }

    void thaw() throws BoardUnavailableException {
        control.write(thaw);
    }

    /** True once the kernel reports every task of the group stopped. */
    boolean frozen() throws BoardUnavailableException {
        return state.contains(frozenMark);
    }

    @Override
    public void close() {
        control.close();
        state.close();
    }
}
