// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.orrery.os.agent.BoardEvent;
import org.orrery.os.agent.CpuUse;
import org.orrery.studio.targets.PartitionState;

/**
 * What one board's event stream said, kept per partition: mode, CPU use, and the latest health-monitor and console
 * lines (a bounded history, so a long session cannot grow without end). Fed from the client's reader thread, read
 * from the UI: every method is synchronized.
 */
public final class BoardWatch {

    /** Lines kept per partition and per board. */
    public static final int HISTORY = 200;

    private final String board;
    private final Map<String, Partition> partitions = new LinkedHashMap<>();
    private final Deque<String> log = new ArrayDeque<>();

    private static final class Partition {
        String mode = "?";
        CpuUse cpu;
        final Deque<String> hm = new ArrayDeque<>();
        final Deque<String> console = new ArrayDeque<>();
    }

    public BoardWatch(String board) {
        this.board = board;
    }

    /** Takes one event; true when it changed what a view shows. */
    public synchronized boolean accept(BoardEvent e) {
        switch (e.kind()) {
            case MODE -> {
                String[] w = e.text().split(" ", 2);
                if (w.length == 2) {
                    partition(w[0]).mode = w[1];
                }
            }
            case CPU -> {
                CpuUse u = CpuUse.of(e);
                if (u == null) {
                    return false;
                }
                Partition p = partition(u.partition());
                p.cpu = u;
                p.mode = u.mode();
            }
            case HM -> {
                String who = e.text().split(" ", 2)[0];
                add(who.equals("module") ? log : partition(who).hm, e.text());
            }
            case CONSOLE -> {
                String source = source(e.text());
                add(source != null && partitions.containsKey(source) ? partitions.get(source).console : log, e.text());
            }
            case SLOT -> add(log, e.text());
            case PLAN -> add(log, "plan " + e.text());
        }
        return true;
    }

    /** The partition a console line comes from ("[0.050000000] nav: ..."), or null. */
    static String source(String line) {
        int close = line.indexOf("] ");
        int colon = line.indexOf(": ", close + 2);
        return close < 0 || colon < 0 ? null : line.substring(close + 2, colon);
    }

    /** A line from the agent itself (its connection), shown with the board's lines. */
    public synchronized void note(String line) {
        add(log, line);
    }

    public synchronized List<PartitionState> partitions() {
        List<PartitionState> out = new ArrayList<>();
        partitions.forEach((name, p) -> out.add(new PartitionState(board, name, p.mode, p.cpu, List.copyOf(p.hm),
                List.copyOf(p.console))));
        return out;
    }

    public synchronized List<String> log() {
        return List.copyOf(log);
    }

    private Partition partition(String name) {
        return partitions.computeIfAbsent(name, n -> new Partition());
    }

    private static void add(Deque<String> lines, String line) {
        if (lines.size() == HISTORY) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }
}
