// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.trace;

/**
 * One core's trace buffer: a fixed-capacity FIFO allocated once, at boot. {@link #emit} only stores five
 * longs into a preallocated array, so the kernel can trace from its scheduler loop without allocating; when
 * the buffer is full the event is dropped and counted rather than blocking the core or growing memory.
 *
 * <p>Not thread-safe: each core has its own buffer and one writer. Drain it from the same thread (or while
 * the core is stopped), e.g. at the end of a major frame.
 */
public final class TraceBuffer {

    /** Longs per stored event: timestamp, type id, f0, f1, f2. */
    private static final int SLOT = 5;

    /** Largest capacity whose backing array still fits a Java array. */
    public static final int MAX_CAPACITY = (Integer.MAX_VALUE - 8) / SLOT;

    private final int core;
    private final int capacity;
    private final long[] slots;
    private int head;
    private int size;
    private long discarded;

    /**
     * @param core           the core this buffer belongs to (reported to sinks), {@code >= 0}
     * @param capacityEvents how many events it holds before discarding, {@code 1..MAX_CAPACITY}
     */
    public TraceBuffer(int core, int capacityEvents) {
        if (core < 0) {
            throw new IllegalArgumentException("core must be >= 0, was " + core);
        }
        if (capacityEvents < 1 || capacityEvents > MAX_CAPACITY) {
            throw new IllegalArgumentException(
                    "capacityEvents must be 1.." + MAX_CAPACITY + ", was " + capacityEvents);
        }
        this.core = core;
        this.capacity = capacityEvents;
        this.slots = new long[capacityEvents * SLOT];
    }

    /**
     * Records one event. Allocation-free.
     *
     * @return {@code true} if stored, {@code false} if the buffer was full (the event is counted in
     *         {@link #discarded()})
     */
    public boolean emit(long timestampNs, TraceEventType type, long f0, long f1, long f2) {
        int typeId = type.id();
        if (size == capacity) {
            discarded++;
            return false;
        }
        int tail = head + size;
        if (tail >= capacity) {
            tail -= capacity;
        }
        int i = tail * SLOT;
        slots[i] = timestampNs;
        slots[i + 1] = typeId;
        slots[i + 2] = f0;
        slots[i + 3] = f1;
        slots[i + 4] = f2;
        size++;
        return true;
    }

    /**
     * Hands every stored event to {@code sink} in emission order and empties the buffer. The discarded
     * counter is cumulative (CTF packet contexts carry a running count) and is not reset.
     */
    public void drainTo(TraceSink sink) {
        drainTo(sink, Integer.MAX_VALUE);
    }

    /**
     * Hands at most {@code max} of the stored events to {@code sink}, oldest first; the rest stay for a later drain
     * (a reader with room for only so many, like a board that passes events to another thread in fixed batches).
     *
     * @return how many events it handed over
     */
    public int drainTo(TraceSink sink, int max) {
        int n = 0;
        while (size > 0 && n < max) {
            int i = head * SLOT;
            // Advance before calling out so a sink that throws does not get the same event twice.
            head = head + 1 == capacity ? 0 : head + 1;
            size--;
            n++;
            sink.event(core, slots[i], (int) slots[i + 1], slots[i + 2], slots[i + 3], slots[i + 4]);
        }
        if (size == 0) {
            head = 0;
        }
        return n;
    }

    /** Events dropped because the buffer was full, since it was created. */
    public long discarded() {
        return discarded;
    }

    /** Events currently stored. */
    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    public int core() {
        return core;
    }
}
