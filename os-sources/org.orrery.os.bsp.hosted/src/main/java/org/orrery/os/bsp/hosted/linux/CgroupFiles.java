// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.linux;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.orrery.os.bsp.hosted.BoardUnavailableException;

/** Cgroup file-system operations that turn every failure into one line naming the file and the kernel's reason. */
final class CgroupFiles {
    private CgroupFiles() {
    }

    static void mkdir(Path dir) throws BoardUnavailableException {
        try {
            Files.createDirectory(dir);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new BoardUnavailableException(dir + ": already exists: another board of that name is running, or a "
                    + "crashed one left it behind (kill its processes and rmdir it)");
        } catch (IOException e) {
            throw new BoardUnavailableException(dir + ": not writable (" + reason(e) + "): " + CgroupLayout.NEEDS);
        }
    }

    static void write(Path file, String value) throws BoardUnavailableException {
        try {
            // WRITE alone: never create a file (a missing control file is an error) nor truncate.
            Files.writeString(file, value, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new BoardUnavailableException(file + ": cannot write \"" + value.strip() + "\" (" + reason(e) + ")");
        }
    }

    static String read(Path file) throws BoardUnavailableException {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new BoardUnavailableException(file + ": cannot read (" + reason(e) + ")");
        }
    }

    /** The value of {@code key} in a flat-keyed file such as memory.events ("oom_kill 3"); -1 when absent. */
    static long keyed(Path file, String key) throws BoardUnavailableException {
        for (String line : read(file).split("\n")) {
            if (line.startsWith(key + " ")) {
                return Long.parseLong(line.substring(key.length() + 1).trim());
            }
        }
        return -1;
    }

    /** The process ids in a group (cgroup.procs). */
    static List<Long> procs(Path dir) throws BoardUnavailableException {
        List<Long> pids = new ArrayList<>();
        for (String line : read(dir.resolve("cgroup.procs")).split("\n")) {
            if (!line.isBlank()) {
                pids.add(Long.parseLong(line.trim()));
            }
        }
        return pids;
    }

    /**
     * Removes an empty group. The kernel refuses (EBUSY) for a short while after the last task died, until the
     * task's exit is accounted, so this retries until {@code deadlineNs} (System.nanoTime).
     */
    static void rmdir(Path dir, long deadlineNs) throws BoardUnavailableException {
        while (true) {
            try {
                Files.deleteIfExists(dir);
                return;
            } catch (IOException e) {
                if (!reason(e).contains("busy") || System.nanoTime() > deadlineNs) {
                    throw new BoardUnavailableException(dir + ": cannot remove (" + reason(e) + ")");
                }
                pause();
            }
        }
    }

    static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The kernel's text for a failed file operation ("Read-only file system", "Device or resource busy"). */
    static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
