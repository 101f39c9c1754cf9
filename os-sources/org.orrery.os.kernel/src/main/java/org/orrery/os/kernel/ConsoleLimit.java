// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

/**
 * What one partition may put on the board console: lines of at most {@link #MAX_CHARS} characters with
 * control characters escaped (a line cannot forge another partition's prefix or a terminal sequence), and at
 * most {@link #LINES_PER_SECOND} lines per second of board time. Dropped lines are counted and announced
 * with the partition's next line, so a flood is visible without drowning its neighbours' output.
 */
final class ConsoleLimit {
    static final int MAX_CHARS = 1000;
    static final int LINES_PER_SECOND = 200;
    private static final long SECOND = 1_000_000_000L;

    private long periodStart = Long.MIN_VALUE;
    private int lines;
    private long dropped;

    /** The text to print for {@code line} at board time {@code now}, or null when it is over the limit. */
    String admit(String line, long now) {
        if (now - periodStart >= SECOND || periodStart == Long.MIN_VALUE) {
            periodStart = now - Math.floorMod(now, SECOND);
            lines = 0;
        }
        if (lines >= LINES_PER_SECOND) {
            dropped++;
            return null;
        }
        lines++;
        String text = clean(line);
        if (dropped > 0) {
            text = "(" + dropped + " lines dropped: at most " + LINES_PER_SECOND + " per second) " + text;
            dropped = 0;
        }
        return text;
    }

    static String clean(String line) {
        String s = String.valueOf(line);
        int cut = Math.min(s.length(), MAX_CHARS);
        StringBuilder b = new StringBuilder(cut + 16);
        for (int i = 0; i < cut; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        if (s.length() > MAX_CHARS) {
            b.append("... (").append(s.length() - MAX_CHARS).append(" more characters)");
        }
        return b.toString();
    }
}
