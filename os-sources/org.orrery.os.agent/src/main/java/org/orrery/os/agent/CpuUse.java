// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent;

/**
 * A {@link BoardEvent.Kind#CPU} event read back: how long a partition's processes held a core during its last
 * window, against the window's length (from the running kernel's accounting), and its mode when the window closed.
 */
public record CpuUse(String partition, long busyMicros, long windowMicros, String mode) {

    /** The event's {@code PARTITION BUSY_US WINDOW_US MODE}; null when the event is not a well-formed CPU event. */
    public static CpuUse of(BoardEvent e) {
        if (e.kind() != BoardEvent.Kind.CPU) {
            return null;
        }
        String[] w = e.text().split(" ");
        if (w.length != 4) {
            return null;
        }
        try {
            return new CpuUse(w[0], Long.parseLong(w[1]), Long.parseLong(w[2]), w[3]);
        } catch (NumberFormatException x) {
            return null;
        }
    }

    /** The share of the window used, 0..100. */
    public double percent() {
        return windowMicros <= 0 ? 0 : 100.0 * busyMicros / windowMicros;
    }

    /** e.g. {@code nav 1.20 of 10.00 ms (12.0%) NORMAL}. */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s %.2f of %.2f ms (%.1f%%) %s", partition, busyMicros / 1000.0,
                windowMicros / 1000.0, percent(), mode);
    }
}
