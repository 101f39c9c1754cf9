// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.internal.server;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import org.orrery.os.agent.AuditLog;

/**
 * The audit lines of peers that never authenticated, bounded per address. Anyone who can reach the board's port
 * can have a handshake refused, and each refusal was a line: a peer that keeps trying would fill a small board's
 * storage at the rate the board can refuse. Each address gets {@link #LINES} lines per {@link #WINDOW}; what it was
 * refused beyond them is counted and written as one line when its window is over and it is refused again, or when
 * the agent stops.
 */
public final class RefusalThrottle {

    public static final int LINES = 20;
    public static final Duration WINDOW = Duration.ofMinutes(1);
    /** Addresses followed at once; more (a peer spread over a whole network) are summed up and forgotten. */
    static final int ADDRESSES = 1024;

    private final AuditLog log;
    private final LongSupplier nanos;
    private final Map<String, Window> windows = new HashMap<>();

    private static final class Window {
        final long startNs;
        int logged;
        int unlogged;

        Window(long startNs) {
            this.startNs = startNs;
        }
    }

    public RefusalThrottle(AuditLog log) {
        this(log, System::nanoTime);
    }

    RefusalThrottle(AuditLog log, LongSupplier nanos) {
        this.log = log;
        this.nanos = nanos;
    }

    /** Records the refusal of a peer at {@code address} (its host address, no port) as {@code who} is written. */
    public synchronized void refused(String address, String who, String request, String outcome) {
        long now = nanos.getAsLong();
        Window w = windows.get(address);
        if (w != null && now - w.startNs >= WINDOW.toNanos()) {
            summarise(address, w);
            windows.remove(address);
            w = null;
        }
        if (w == null) {
            if (windows.size() >= ADDRESSES) {
                flush();
            }
            w = new Window(now);
            windows.put(address, w);
        }
        if (w.logged < LINES) {
            w.logged++;
            log.record(who, request, outcome);
        } else {
            w.unlogged++;
        }
    }

    /** Writes what is counted and not yet written, for every address. */
    public synchronized void flush() {
        windows.forEach(this::summarise);
        windows.clear();
    }

    private void summarise(String address, Window w) {
        if (w.unlogged > 0) {
            log.record("unauthenticated@" + address, "connect", "refused " + w.unlogged + " more time"
                    + (w.unlogged == 1 ? "" : "s") + " within " + WINDOW.toSeconds() + " s of its first refusal; "
                    + LINES + " lines per address and minute are written one by one");
        }
    }
}
