// SPDX-License-Identifier: EPL-2.0
package org.orrery.trace.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.orrery.os.trace.TraceEventType;

/** The level-of-detail pyramid against brute force over the same items, while they are being appended. */
class TimeColumnsTest {

    /** Items of random lengths and colours, in end order, some ending together. */
    private static SpanColumns randomItems(Random random, int n) {
        SpanColumns items = new SpanColumns();
        long end = 1_000;
        for (int i = 0; i < n; i++) {
            end += random.nextInt(4) == 0 ? 0 : random.nextInt(1_000);
            long length = random.nextInt(10) == 0 ? random.nextInt(1_000_000) : random.nextInt(2_000);
            items.add(end - length, end, random.nextInt(70), i, 0, 0, 0);
        }
        return items;
    }

    private static Summary bruteForce(TimeColumns items, int from, int to) {
        Summary s = new Summary();
        for (int i = from; i < to; i++) {
            s.add(1, items.startNs(i), items.endNs(i), items.endNs(i) - items.startNs(i), 1L << items.colour(i));
        }
        return s;
    }

    private static void assertSame(Summary expected, Summary actual, String what) {
        assertEquals(expected.toString(), actual.toString(), what);
    }

    @Test
    void itemsReadBackAsAppendedAcrossPages() {
        int n = 3 * TimeColumns.PAGE + TimeColumns.FIRST + 5;
        SpanColumns spans = new SpanColumns();
        MarkerColumns markers = new MarkerColumns();
        TraceEventType[] types = TraceEventType.values();
        for (int i = 0; i < n; i++) {
            spans.add(10L * i, 10L * i + 5, i % 64, i, -i, 3 * i, i ^ 7);
            markers.add(10L * i, types[i % types.length], i, 2L * i, -3L * i);
        }
        for (int i = 0; i < n; i++) {
            assertEquals(List.of(10L * i, 10L * i + 5, i % 64, i, -i, 3 * i, i ^ 7), List.of(spans.startNs(i),
                    spans.endNs(i), spans.colour(i), spans.a(i), spans.b(i), spans.c(i), spans.d(i)), "span " + i);
            assertEquals(new TimelineMarker(1, 10L * i, types[i % types.length], i, 2L * i, -3L * i),
                    markers.marker(1, i), "marker " + i);
        }
        assertEquals(n - 1, spans.firstEndingAtOrAfter(10L * (n - 1)));
    }

    @Test
    void everyNodeOfEveryLevelSummarisesExactlyItsBlockOfItems() {
        Random random = new Random(14);
        for (int n : new int[] {0, 1, 2, 7, 8, 9, 63, 64, 65, 513, 4_097, 40_000}) {
            SpanColumns items = randomItems(random, n);
            assertTrue(n <= 1 || items.nodes(items.levels()) <= TimeColumns.FAN, "the top level is small");
            Summary node = new Summary();
            for (int level = 1; level <= items.levels(); level++) {
                int block = 1 << (TimeColumns.SHIFT * level);
                for (int k = 0; k < items.nodes(level); k++) {
                    items.node(level, k, node);
                    assertSame(bruteForce(items, k * block, Math.min(n, (k + 1) * block)), node,
                            n + " items, level " + level + " node " + k);
                }
            }
        }
    }

    @Test
    void aRangeSummaryEqualsBruteForceForAnyRangeAndAfterEveryAppend() {
        Random random = new Random(653);
        SpanColumns items = randomItems(random, 20_000);
        Summary s = new Summary();
        for (int q = 0; q < 3_000; q++) {
            int from = random.nextInt(items.size() + 1);
            int to = from + random.nextInt(items.size() - from + 1);
            items.summarize(from, to, s);
            assertSame(bruteForce(items, from, to), s, "[" + from + ", " + to + ")");
        }
        SpanColumns growing = new SpanColumns();
        for (int i = 0; i < 600; i++) {
            growing.add(items.startNs(i), items.endNs(i), items.colour(i), 0, 0, 0, 0);
            growing.summarize(0, growing.size(), s);
            assertSame(bruteForce(items, 0, i + 1), s, "after append " + i);
            growing.summarize(i / 2, growing.size(), s);
            assertSame(bruteForce(items, i / 2, i + 1), s, "tail after append " + i);
        }
    }

    @Test
    void longItemsAreFoundThroughThePyramidExactlyAsByAScan() {
        Random random = new Random(1_000_000);
        SpanColumns items = randomItems(random, 30_000);
        for (int q = 0; q < 200; q++) {
            int from = random.nextInt(items.size());
            long minDuration = random.nextInt(3) == 0 ? 0 : random.nextInt(1_200_000);
            long maxStart = items.endNs(Math.min(items.size() - 1, from + random.nextInt(5_000)));
            List<Integer> expected = new ArrayList<>();
            for (int i = from; i < items.size(); i++) {
                if (items.endNs(i) - items.startNs(i) >= minDuration && items.startNs(i) <= maxStart) {
                    expected.add(i);
                }
            }
            List<Integer> found = new ArrayList<>();
            items.forEachLong(from, minDuration, maxStart, found::add);
            assertEquals(expected, found, "from " + from + ", at least " + minDuration + ", starting by " + maxStart);
        }
    }

    @Test
    void theEndOrderIsTheTimeIndex() {
        SpanColumns items = randomItems(new Random(3), 5_000);
        for (long t : new long[] {0, 1_000, items.endNs(2_500), items.endNs(2_500) + 1, items.endNs(4_999) + 1}) {
            int i = items.firstEndingAtOrAfter(t);
            assertTrue(i == items.size() || items.endNs(i) >= t);
            assertTrue(i == 0 || items.endNs(i - 1) < t);
        }
        assertThrows(IllegalArgumentException.class, () -> items.add(0, 10, 0, 0, 0, 0, 0),
                "an item ending before the last one would break the index");
    }
}
