// SPDX-License-Identifier: EPL-2.0
package org.orrery.trace.analysis;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Timeline items of one kind on one core (windows, process states or markers) stored as columns, one primitive
 * array per attribute, in the order they ended: a million items cost a few arrays, not a million objects, and
 * the order by end time is the index by time. Over the items sits a pyramid of {@link Summary summaries}
 * (fan-out 8): level {@code l} summarises blocks of 8<sup>l</sup> consecutive items, so any range is summarised
 * from at most 14 nodes per level and a zoomed-out frame asks one summary per pixel column instead of walking
 * every item. Items are only appended (a growing trace appends packets): a block's summary is written when its
 * last item arrives and never changes after, so the pyramid stays exact while the trace grows.
 *
 * <p>Not thread-safe: the view appends and draws on one thread.
 */
public class TimeColumns {

    static final int SHIFT = 3;
    static final int FAN = 1 << SHIFT;
    /** Colours are bit numbers in a {@code long}; anything beyond shares the last bit. */
    public static final int MAX_COLOUR = 63;

    /**
     * Items live in pages of {@code PAGE} (the first one grows up to it from {@code FIRST}): a growing column is
     * never copied and holds no spare capacity beyond its last page, so a trace of a million events allocates its
     * columns once (a doubling array allocated and copied twice that, and the page faults of a first load with it).
     */
    static final int PAGE_SHIFT = 12;
    static final int PAGE = 1 << PAGE_SHIFT;
    static final int PAGE_MASK = PAGE - 1;
    static final int FIRST = 256;

    private long[][] start = {new long[FIRST]};
    private long[][] end = {new long[FIRST]};
    private byte[][] colour = {new byte[FIRST]};
    private int size;

    /** Per level l >= 1 (at index l - 1): per node the earliest start, latest end, longest item, colours. */
    private long[][] levelMinStart = new long[0][];
    private long[][] levelMaxEnd = new long[0][];
    private long[][] levelMaxDuration = new long[0][];
    private long[][] levelColours = new long[0][];
    private int levels;
    private final Summary scratch = new Summary();

    /** Appends an item that ended at {@code endNs}, no earlier than the items before; returns its index. */
    protected final int append(long startNs, long endNs, int colourBit) {
        if (size > 0 && endNs < endNs(size - 1)) {
            throw new IllegalArgumentException("items must be appended in end order: " + endNs + " after "
                    + endNs(size - 1));
        }
        int page = size >>> PAGE_SHIFT;
        int slot = size & PAGE_MASK;
        if (page == start.length || start[page] == null || slot == start[page].length) {
            int length = page == 0 ? slot * 2 : PAGE;
            start = grown(start, page, length);
            end = grown(end, page, length);
            colour = grown(colour, page, length);
            grow(page, length);
        }
        int i = size++;
        start[page][slot] = startNs;
        end[page][slot] = endNs;
        colour[page][slot] = (byte) Math.max(0, Math.min(MAX_COLOUR, colourBit));
        // A block's summary is stored once the block is complete: amortised 8/7 merges per append. Ranges asked
        // of summarize() only ever reach complete blocks; forEachLong() walks into an incomplete one.
        for (int l = 1; l < 10 && (size & ((1 << (SHIFT * l)) - 1)) == 0; l++) {
            if (l > levels) {
                addLevel();
            }
            int k = (size >>> (SHIFT * l)) - 1;
            ensureNodes(l, k + 1);
            Summary s = scratch;
            s.clear();
            for (int c = k << SHIFT, last = c + FAN; c < last; c++) {
                addNode(l - 1, c, s);
            }
            levelMinStart[l - 1][k] = s.minStartNs();
            levelMaxEnd[l - 1][k] = s.maxEndNs();
            levelMaxDuration[l - 1][k] = s.maxDurationNs();
            levelColours[l - 1][k] = s.colours();
        }
        return i;
    }

    /**
     * Subclasses give their payload columns page {@code page} of {@code length} items (a new page, or the first one
     * grown), with {@link #grown}.
     */
    protected void grow(int page, int length) {
    }

    /** {@code pages} with page {@code page} allocated, or grown keeping its items, to {@code length} items. */
    protected static long[][] grown(long[][] pages, int page, int length) {
        long[][] p = page < pages.length ? pages : Arrays.copyOf(pages, Math.max(4, 2 * pages.length));
        p[page] = p[page] == null ? new long[length] : Arrays.copyOf(p[page], length);
        return p;
    }

    protected static int[][] grown(int[][] pages, int page, int length) {
        int[][] p = page < pages.length ? pages : Arrays.copyOf(pages, Math.max(4, 2 * pages.length));
        p[page] = p[page] == null ? new int[length] : Arrays.copyOf(p[page], length);
        return p;
    }

    private static byte[][] grown(byte[][] pages, int page, int length) {
        byte[][] p = page < pages.length ? pages : Arrays.copyOf(pages, Math.max(4, 2 * pages.length));
        p[page] = p[page] == null ? new byte[length] : Arrays.copyOf(p[page], length);
        return p;
    }

    public final int size() {
        return size;
    }

    public final long startNs(int i) {
        return start[i >>> PAGE_SHIFT][i & PAGE_MASK];
    }

    public final long endNs(int i) {
        return end[i >>> PAGE_SHIFT][i & PAGE_MASK];
    }

    public final int colour(int i) {
        return colour[i >>> PAGE_SHIFT][i & PAGE_MASK];
    }

    /** Index of the first item that ends at or after {@code timeNs} ({@link #size()} if none). */
    public final int firstEndingAtOrAfter(long timeNs) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (endNs(mid) < timeNs) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Summarises items {@code [from, to)} into {@code out} (which is cleared first). */
    public final void summarize(int from, int to, Summary out) {
        out.clear();
        int l = 0;
        while (from < to) {
            if (l == levels) {
                while (from < to) {
                    addNode(l, from++, out);
                }
                break;
            }
            while (from < to && (from & (FAN - 1)) != 0) {
                addNode(l, from++, out);
            }
            while (from < to && (to & (FAN - 1)) != 0) {
                addNode(l, --to, out);
            }
            from >>>= SHIFT;
            to >>>= SHIFT;
            l++;
        }
    }

    /**
     * Calls {@code visit} with every item among {@code [from, size)} that lasts at least {@code minDurationNs} and
     * starts no later than {@code maxStartNs}, in index order, descending only into blocks that may hold one: the
     * items wide enough to draw on their own in a zoomed-out frame.
     */
    public final void forEachLong(int from, long minDurationNs, long maxStartNs, IntConsumer visit) {
        if (from >= size) {
            return;
        }
        int top = nodes(levels);
        for (int k = (from >>> (SHIFT * levels)); k < top; k++) {
            descend(levels, k, from, minDurationNs, maxStartNs, visit);
        }
    }

    /** Number of summary levels above the items: those with at least one complete block. */
    public final int levels() {
        return levels;
    }

    /** Nodes at {@code level} (level 0: the items). */
    public final int nodes(int level) {
        return level == 0 ? size : size == 0 ? 0 : ((size - 1) >>> (SHIFT * level)) + 1;
    }

    /** The stored summary of node {@code k} of {@code level}; lets tests compare each level with brute force. */
    public final void node(int level, int k, Summary out) {
        out.clear();
        if (complete(level, k)) {
            addNode(level, k, out);
            return;
        }
        Summary child = new Summary();
        for (int c = k << SHIFT, last = Math.min(nodes(level - 1), c + FAN); c < last; c++) {
            node(level - 1, c, child);
            if (child.count() > 0) {
                out.add(child.count(), child.minStartNs(), child.maxEndNs(), child.maxDurationNs(), child.colours());
            }
        }
    }

    /** Whether node {@code k} of {@code level} holds all its items (only complete nodes have a stored summary). */
    private boolean complete(int level, int k) {
        return ((long) (k + 1) << (SHIFT * level)) <= size;
    }

    private void descend(int l, int k, int from, long minDuration, long maxStart, IntConsumer visit) {
        if (((long) (k + 1) << (SHIFT * l)) <= from) {
            return;
        }
        if (complete(l, k) && (duration(l, k) < minDuration || minStart(l, k) > maxStart)) {
            return;
        }
        if (l == 0) {
            visit.accept(k);
            return;
        }
        int below = nodes(l - 1);
        for (int c = k << SHIFT, last = Math.min(below, c + FAN); c < last; c++) {
            descend(l - 1, c, from, minDuration, maxStart, visit);
        }
    }

    private void addNode(int l, int k, Summary out) {
        long maxEnd = l == 0 ? endNs(k) : levelMaxEnd[l - 1][k];
        out.add(l == 0 ? 1 : 1 << (SHIFT * l), minStart(l, k), maxEnd, duration(l, k), bits(l, k));
    }

    private long minStart(int l, int k) {
        return l == 0 ? startNs(k) : levelMinStart[l - 1][k];
    }

    private long duration(int l, int k) {
        return l == 0 ? endNs(k) - startNs(k) : levelMaxDuration[l - 1][k];
    }

    private long bits(int l, int k) {
        return l == 0 ? 1L << colour(k) : levelColours[l - 1][k];
    }

    private void addLevel() {
        levels++;
        levelMinStart = Arrays.copyOf(levelMinStart, levels);
        levelMaxEnd = Arrays.copyOf(levelMaxEnd, levels);
        levelMaxDuration = Arrays.copyOf(levelMaxDuration, levels);
        levelColours = Arrays.copyOf(levelColours, levels);
        levelMinStart[levels - 1] = new long[16];
        levelMaxEnd[levels - 1] = new long[16];
        levelMaxDuration[levels - 1] = new long[16];
        levelColours[levels - 1] = new long[16];
    }

    private void ensureNodes(int l, int n) {
        if (levelMinStart[l - 1].length < n) {
            int capacity = Math.max(n, levelMinStart[l - 1].length * 2);
            levelMinStart[l - 1] = Arrays.copyOf(levelMinStart[l - 1], capacity);
            levelMaxEnd[l - 1] = Arrays.copyOf(levelMaxEnd[l - 1], capacity);
            levelMaxDuration[l - 1] = Arrays.copyOf(levelMaxDuration[l - 1], capacity);
            levelColours[l - 1] = Arrays.copyOf(levelColours[l - 1], capacity);
        }
    }
}
