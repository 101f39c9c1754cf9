// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import org.orrery.os.api.Message;

/** A FIFO of fixed-size message slots in one preallocated array (queuing ports and buffers). */
final class MessageRing {
    private final byte[] data;
    private final int[] length;
    private final long[] time;
    private final int slot;
    private int head;
    private int size;

    MessageRing(int depth, int maxMessageSize) {
        data = new byte[depth * maxMessageSize];
        length = new int[depth];
        time = new long[depth];
        slot = maxMessageSize;
    }

    int size() {
        return size;
    }

    boolean full() {
        return size == length.length;
    }

    void put(byte[] src, int len, long t) {
        int tail = (head + size) % length.length;
        System.arraycopy(src, 0, data, tail * slot, len);
        length[tail] = len;
        time[tail] = t;
        size++;
    }

    /** Copies the oldest message into {@code into} and removes it; returns its length. */
    int take(Message into) {
        int len = length[head];
        System.arraycopy(data, head * slot, into.data(), 0, len);
        into.filled(len, true, time[head]);
        dropOldest();
        return len;
    }

    void dropOldest() {
        head = (head + 1) % length.length;
        size--;
    }

    void clear() {
        head = 0;
        size = 0;
    }
}
