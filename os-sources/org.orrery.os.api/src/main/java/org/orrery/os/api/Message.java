// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.api;

/**
 * A reusable receive buffer: reads copy into {@link #data()} and set length, validity and timestamp, so
 * a process allocates once and reads without garbage.
 */
public final class Message {
    private final byte[] data;
    private int length;
    private boolean valid;
    private long timestampNs;

    public Message(int capacity) {
        this.data = new byte[capacity];
    }

    /** Storage; the first {@link #length()} bytes are the last message read. */
    public byte[] data() {
        return data;
    }

    public int length() {
        return length;
    }

    /** Sampling ports: whether the message is younger than the port's refresh period. Otherwise true. */
    public boolean valid() {
        return valid;
    }

    /** When the message was written. */
    public long timestampNs() {
        return timestampNs;
    }

    /** Called by the OS after copying a message into {@link #data()}. */
    public void filled(int length, boolean valid, long timestampNs) {
        this.length = length;
        this.valid = valid;
        this.timestampNs = timestampNs;
    }
}
