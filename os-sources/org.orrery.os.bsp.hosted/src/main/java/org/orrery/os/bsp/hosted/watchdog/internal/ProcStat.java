// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.watchdog.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Parent and process group of every live process, from one pass over /proc/PID/stat. ProcessHandle exposes
 * neither the group nor a one-pass view: its descendants() walks /proc again on every call, which costs tens
 * of milliseconds on a loaded machine, and the group is how the watchdog finds the processes of a board whose
 * kernel already died (they were reparented away, so they are nobody's descendants, but still in its group).
 */
final class ProcStat {
    private static final Path PROC = Path.of("/proc");

    /** One live process: its parent and its process group. */
    record Entry(long pid, long ppid, long pgrp) {
    }

    private ProcStat() {
    }

    /** Every process that has not exited (zombies count as exited: they hold nothing but a pid). */
    static Map<Long, Entry> snapshot() {
        Map<Long, Entry> all = new HashMap<>();
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path dir : pids) {
                Entry e = read(Long.parseLong(dir.getFileName().toString()));
                if (e != null) {
                    all.put(e.pid(), e);
                }
            }
        } catch (IOException e) {
            // no /proc: nothing to add to what the caller knows from its own process handles
        }
        return all;
    }

    /** Whether one process still runs (not exited, not a zombie). */
    static boolean alive(long pid) {
        return read(pid) != null;
    }

    private static Entry read(long pid) {
        String stat;
        try {
            stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
        } catch (IOException e) {
            return null; // exited while we looked
        }
        // "pid (comm) state ppid pgrp ..."; comm may hold spaces and parentheses, so split after the last ')'
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", 4);
        if (fields[0].equals("Z") || fields[0].equals("X")) {
            return null;
        }
        return new Entry(pid, Long.parseLong(fields[1]), Long.parseLong(fields[2]));
    }
}
