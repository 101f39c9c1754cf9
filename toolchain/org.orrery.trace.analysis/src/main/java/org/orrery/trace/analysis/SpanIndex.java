// SPDX-License-Identifier: EPL-2.0
package org.orrery.trace.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Time-sorted spans with range queries, so zooming into a long trace touches only what is visible. Spans
 * of one index may overlap (process states of several processes), so the query scans back by the longest
 * duration, which is computed once here.
 */
public final class SpanIndex<S extends Span> {

    private final List<S> sorted;
    private final long longestNs;

    public SpanIndex(List<S> spans) {
        List<S> copy = new ArrayList<>(spans);
        copy.sort(Comparator.comparingLong(Span::startNs));
        this.sorted = List.copyOf(copy);
        long longest = 0;
        for (S s : sorted) {
            longest = Math.max(longest, s.endNs() - s.startNs());
        }
        this.longestNs = longest;
    }

    public List<S> all() {
        return sorted;
    }

    public int size() {
        return sorted.size();
    }

    /** Spans that overlap the closed range [fromNs, toNs], in start order. */
    public List<S> overlapping(long fromNs, long toNs) {
        int begin = firstAtOrAfter(sorted, Span::startNs, fromNs - longestNs);
        int end = firstAtOrAfter(sorted, Span::startNs, toNs + 1);
        List<S> out = new ArrayList<>();
        for (int i = begin; i < end; i++) {
            S s = sorted.get(i);
            if (s.endNs() >= fromNs) {
                out.add(s);
            }
        }
        return out;
    }

    /** Index of the first element whose key is at least {@code key} (the list's size if none). */
    static <T> int firstAtOrAfter(List<T> sorted, ToLongFunction<? super T> keyOf, long key) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keyOf.applyAsLong(sorted.get(mid)) < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
