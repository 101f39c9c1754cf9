// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.shm;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.regex.Pattern;

/**
 * The folder holding one board's port regions, {@code /dev/shm/orrery-<board>/} by default, mode 0700, one
 * file per sampling channel and two per queuing destination:
 * <pre>
 *   &lt;channel&gt;.sampling.shm          SAMPLING       source rw, destinations ro
 *   &lt;channel&gt;.&lt;d&gt;.queue.shm          QUEUE          source rw, destination d ro
 *   &lt;channel&gt;.&lt;d&gt;.consumer.shm       QUEUE_CONSUMER destination d rw, source ro
 * </pre>
 * The configuration allows several destinations on a queuing channel (the kernel gives each its own FIFO), so
 * a queuing channel has one ring per destination, numbered in configuration order.
 *
 * <p>The owner (kernel process) {@linkplain #create creates} the folder and {@linkplain #close() deletes} it with
 * everything in it when the board stops; a partition {@linkplain #open opens} it and never deletes anything.
 */
public final class ShmFolder implements AutoCloseable {
    /** Where Linux keeps POSIX shared memory (tmpfs). */
    public static final Path DEV_SHM = Path.of("/dev/shm");
    private static final String SUFFIX = ".shm";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    private final Path dir;
    private final boolean owner;

    private ShmFolder(Path dir, boolean owner) {
        this.dir = dir;
        this.owner = owner;
    }

    /**
     * Owner side: creates {@code parent/orrery-<board>} with mode 0700. A folder of that name left by a board
     * that died without cleaning up is removed first, but only if it holds nothing but region files.
     */
    public static ShmFolder create(Path parent, String board) throws ShmException {
        Path dir = parent.resolve("orrery-" + name(board, "board name"));
        if (!Files.isDirectory(parent)) {
            throw new ShmException(parent + ": no such folder (shared memory needs a tmpfs such as /dev/shm)");
        }
        try {
            if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                removeStale(dir);
            }
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            return new ShmFolder(dir, true);
        } catch (IOException e) {
            throw new ShmException(dir + ": cannot create the board's shared-memory folder: " + e.getMessage(), e);
        }
    }

    /** Partition side: the board folder the owner created. */
    public static ShmFolder open(Path parent, String board) throws ShmException {
        Path dir = parent.resolve("orrery-" + name(board, "board name"));
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new ShmException(dir + ": no such board folder (is the board running?)");
        }
        return new ShmFolder(dir, false);
    }

    /**
     * Removes the folders under {@code parent} of boards named {@code <boardPrefix><pid>-...} whose process {@code pid}
     * is gone: a board killed with -9 (a watchdog reset, a power cut of the agent) never removes its own. A folder
     * that holds anything but region files is left alone; a folder another sweeper removes meanwhile is no error.
     */
    public static void removeStaleBoards(Path parent, String boardPrefix) {
        String start = "orrery-" + boardPrefix;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, start + "*")) {
            for (Path dir : s) {
                String rest = dir.getFileName().toString().substring(start.length());
                int dash = rest.indexOf('-');
                long pid;
                try {
                    pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (ProcessHandle.of(pid).isEmpty()) {
                    try {
                        removeStale(dir);
                    } catch (IOException | ShmException e) {
                        // not only ours, or being removed by another board: nothing to do
                    }
                }
            }
        } catch (IOException e) {
            // no such parent or not ours to list: the board's own folder says what is wrong
        }
    }

    private static void removeStale(Path dir) throws IOException, ShmException {
        PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!a.isDirectory()) {
            throw new ShmException(dir + ": exists and is not a folder; not touching it");
        }
        // /dev/shm is everybody's: another user's folder can be swapped for a link to any folder between this check
        // and the deletions below, which a board run as root would then make there. Only our own folders are ours.
        if (!a.owner().equals(thisUser())) {
            throw new ShmException(dir + ": left by an earlier run but belongs to " + a.owner().getName()
                    + ", not to this user; not touching it");
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path f : s) {
                if (!f.getFileName().toString().endsWith(SUFFIX)
                        || !Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    throw new ShmException(dir + ": left by an earlier run but holds " + f.getFileName()
                            + ", which is not a port region; remove it by hand");
                }
            }
        }
        deleteTree(dir);
    }

    private static UserPrincipal thisUser() throws IOException {
        return FileSystems.getDefault().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path f : s) {
                Files.deleteIfExists(f);
            }
        } catch (NoSuchFileException e) {
            return;
        }
        Files.deleteIfExists(dir);
    }

    private static String name(String s, String what) {
        if (s == null || !NAME.matcher(s).matches()) {
            throw new IllegalArgumentException(what + " '" + s
                    + "' must be 1..128 characters of letters, digits, '_', '.', '-', not starting with '.' or '-'");
        }
        return s;
    }

    public Path dir() {
        return dir;
    }

    /** The region file of a sampling channel. */
    public Path sampling(String channel) {
        return dir.resolve(name(channel, "channel name") + ".sampling" + SUFFIX);
    }

    /** The message ring of a queuing channel's destination number {@code destination} (0-based). */
    public Path queue(String channel, int destination) {
        return dir.resolve(name(channel, "channel name") + "." + index(destination) + ".queue" + SUFFIX);
    }

    /** The consumer region of a queuing channel's destination number {@code destination} (0-based). */
    public Path consumer(String channel, int destination) {
        return dir.resolve(name(channel, "channel name") + "." + index(destination) + ".consumer" + SUFFIX);
    }

    /** The traffic counter of a channel's destination number {@code destination} (0-based). */
    public Path traffic(String channel, int destination) {
        return dir.resolve(name(channel, "channel name") + "." + index(destination) + ".traffic" + SUFFIX);
    }

    /** The traffic counter of a channel's source. */
    public Path sourceTraffic(String channel) {
        return dir.resolve(name(channel, "channel name") + ".source.traffic" + SUFFIX);
    }

    /**
     * The board's clock origin (CLOCK_MONOTONIC nanoseconds at board time 0, decimal text), written by the owner when
     * the schedule starts: partitions stamp messages in board time without asking the kernel.
     */
    public Path clock() {
        return dir.resolve("board-clock" + SUFFIX);
    }

    private static int index(int destination) {
        if (destination < 0) {
            throw new IllegalArgumentException("destination index " + destination + " is negative");
        }
        return destination;
    }

    /** Owner: deletes the folder and every region in it (mappings other processes hold stay valid until unmapped). */
    @Override
    public void close() throws ShmException {
        if (!owner) {
            return;
        }
        try {
            deleteTree(dir);
        } catch (IOException e) {
            throw new ShmException(dir + ": cannot remove the board's shared-memory folder: " + e.getMessage(), e);
        }
    }
}
