// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.internal;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What a {@code DebugPort} says of its sessions (one line each). When JDT cannot attach, the board's refusal is the
 * reason the user needs, not JDT's "connection closed during handshake": the port reports it just after it has
 * closed the debugger's connection, so {@link #refusal} waits a little for it.
 */
final class TunnelReports implements Consumer<String> {

    private static final String REFUSED = " refused: ";
    private static final String LOST = " lost: ";

    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();

    @Override
    public void accept(String line) {
        lines.add(line);
    }

    /** Why the board refused or lost the session, or null when the port said nothing of it within {@code wait}. */
    String refusal(Duration wait) throws InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        for (long left; (left = end - System.nanoTime()) > 0; ) {
            String line = lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == null) {
                return null;
            }
            for (String mark : new String[] {REFUSED, LOST}) {
                int at = line.indexOf(mark);
                if (at >= 0) {
                    return line.substring(at + mark.length());
                }
            }
        }
        return null;
    }
}
