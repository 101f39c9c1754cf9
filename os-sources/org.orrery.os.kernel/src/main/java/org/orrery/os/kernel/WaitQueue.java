// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

import org.orrery.os.api.QueuingDiscipline;

/** Processes blocked on one object, served FIFO or by priority. Preallocated; no allocation after boot. */
final class WaitQueue {
    private final Proc[] items;
    private final QueuingDiscipline discipline;
    private int size;

    WaitQueue(int capacity, QueuingDiscipline discipline) {
        this.items = new Proc[Math.max(1, capacity)];
        this.discipline = discipline;
    }

    void add(Proc p) {
        items[size++] = p;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The next process to serve, removed; null if none. */
    Proc poll() {
        if (size == 0) {
            return null;
        }
        int best = 0;
        if (discipline == QueuingDiscipline.PRIORITY) {
            for (int i = 1; i < size; i++) {
                if (items[i].priority > items[best].priority) {
                    best = i;
                }
            }
        }
        Proc p = items[best];
        removeAt(best);
        return p;
    }

    void remove(Proc p) {
        for (int i = 0; i < size; i++) {
            if (items[i] == p) {
                removeAt(i);
                return;
            }
        }
    }

    void clear() {
        java.util.Arrays.fill(items, 0, size, null);
        size = 0;
    }

    private void removeAt(int i) {
        System.arraycopy(items, i + 1, items, i, size - i - 1);
        items[--size] = null;
    }
}
