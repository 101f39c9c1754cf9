// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.watchdog.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kills a board: the kernel process, its process group and every descendant, stopped ones included, and waits
 * until they are gone.
 *
 * <p>The kernel leads its own process group (the supervisor starts it through setsid). SIGSTOP to the group
 * freezes it in one call; a frozen process cannot fork, so one look at /proc then finds the complete board:
 * the group, plus descendants that left it (they are stopped one by one, and only then is another look
 * needed, since they may have forked in between). Then everything gets SIGKILL, which also ends stopped
 * processes. The group reaches processes whose parent already died (after a kernel crash its partitions are
 * orphans and no longer its descendants).
 */
public final class ProcessTree {
    private static final int MAX_LOOKS = 16;

    private final Signals signals;

    public ProcessTree(Signals signals) {
        this.signals = signals;
    }

    /**
     * Kills the board rooted at {@code root}.
     *
     * @return the pids still alive after {@code wait} (empty when all are gone)
     */
    public List<Long> kill(ProcessHandle root, Duration wait) {
        long group = root.pid();
        signals.toGroup(group, Signals.SIGSTOP);
        Set<Long> board = new LinkedHashSet<>();
        if (root.isAlive()) { // a kernel that already died and was reaped must not be confused with a reused pid
            board.add(root.pid());
        }
        for (int look = 0; look < MAX_LOOKS; look++) {
            List<Long> outsiders = collect(ProcStat.snapshot(), group, board);
            if (outsiders.isEmpty()) {
                break;
            }
            outsiders.forEach(pid -> signals.toProcess(pid, Signals.SIGSTOP));
        }
        signals.toGroup(group, Signals.SIGKILL);
        board.forEach(pid -> signals.toProcess(pid, Signals.SIGKILL));
        return awaitGone(board, wait);
    }

    /**
     * Adds the group's members and everything descending from the board to {@code board}.
     *
     * @return processes new to the board that are outside the group (not frozen by the group's SIGSTOP)
     */
    private static List<Long> collect(Map<Long, ProcStat.Entry> all, long group, Set<Long> board) {
        List<Long> outsiders = new ArrayList<>();
        all.values().stream().filter(e -> e.pgrp() == group).forEach(e -> board.add(e.pid()));
        boolean grew = true;
        while (grew) { // descendants by parent links, to any depth
            grew = false;
            for (ProcStat.Entry e : all.values()) {
                if (board.contains(e.ppid()) && board.add(e.pid())) {
                    grew = true;
                    if (e.pgrp() != group) {
                        outsiders.add(e.pid());
                    }
                }
            }
        }
        return outsiders;
    }

    private static List<Long> awaitGone(Set<Long> board, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        List<Long> alive = new ArrayList<>(board);
        while (true) {
            alive.removeIf(pid -> !ProcStat.alive(pid));
            if (alive.isEmpty() || System.nanoTime() - deadline >= 0) {
                return alive;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return alive;
            }
        }
    }
}
