// SPDX-License-Identifier: EPL-2.0
package org.orrery.trace.analysis;

/**
 * Intervals of one core in columns: windows (partition, plan, window index, overrun) or process states
 * (partition, process, state). Which attribute means what is the lane's business ({@link LaneColumns}); the
 * colour is the partition for windows and the state for process spans.
 */
public final class SpanColumns extends TimeColumns {

    private int[][] a = {new int[FIRST]};
    private int[][] b = {new int[FIRST]};
    private int[][] c = {new int[FIRST]};
    private int[][] d = {new int[FIRST]};

    public int add(long startNs, long endNs, int colour, int a0, int b0, int c0, int d0) {
        int i = append(startNs, endNs, colour);
        int page = i >>> PAGE_SHIFT;
        int slot = i & PAGE_MASK;
        a[page][slot] = a0;
        b[page][slot] = b0;
        c[page][slot] = c0;
        d[page][slot] = d0;
        return i;
    }

    @Override
    protected void grow(int page, int length) {
        a = grown(a, page, length);
        b = grown(b, page, length);
        c = grown(c, page, length);
        d = grown(d, page, length);
    }

    public int a(int i) {
        return a[i >>> PAGE_SHIFT][i & PAGE_MASK];
    }

    public int b(int i) {
        return b[i >>> PAGE_SHIFT][i & PAGE_MASK];
    }

    public int c(int i) {
        return c[i >>> PAGE_SHIFT][i & PAGE_MASK];
    }

    public int d(int i) {
        return d[i >>> PAGE_SHIFT][i & PAGE_MASK];
    }
}
