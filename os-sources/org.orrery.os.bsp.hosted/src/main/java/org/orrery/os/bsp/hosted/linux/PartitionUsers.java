// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.linux;

import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.orrery.os.bsp.hosted.BoardUnavailableException;
import org.orrery.os.bsp.sim.process.PartitionProcesses;
import org.orrery.os.config.Limits;

/**
 * Who the hosted board's partition JVMs run as. The board runs as root (its cgroups, SCHED_FIFO, mlockall), and a
 * partition JVM run as root too could thaw its own cgroup, kill the kernel process or open a neighbour's port region
 * for writing: isolation would hold only for partitions that behave. So on a root board each partition runs as a user
 * and group of its own ({@code base + index}), without capabilities and unable to gain any (util-linux's
 * {@code setpriv}: no native code of ours), and reaches only what the board hands it: its link socket, its application
 * jar, its temporary folder, the runtime's files (readable, root's to write) and its port regions, each owned by the
 * one partition that writes it and readable by the group of the partitions that read it. A board that is not root
 * cannot switch users: its partitions run as its own user, as any process of that user does.
 */
public final class PartitionUsers {
    /** System property: {@value #SEPARATE} (the default) or {@value #BOARD} (every partition as the board's user). */
    public static final String PROPERTY = "orrery.hosted.partition-users";
    public static final String SEPARATE = "separate";
    public static final String BOARD = "board";
    /** System property: the first partition's user and group id (the rest follow, then the reading groups). */
    public static final String BASE_PROPERTY = "orrery.hosted.partition-uid-base";
    /**
     * Far above login users (below 60,000), systemd's dynamic users (61,184 to 65,519) and the subordinate ranges of
     * containers (from 100,000 in blocks of 65,536 as Debian hands them out), and below 2^31 (Java's file attributes).
     */
    public static final long DEFAULT_BASE = 1_900_000_000L;
    private static final String[] SETPRIV = {"/usr/bin/setpriv", "/bin/setpriv"};
    private static final MethodHandle GETEUID = Libc.bind("geteuid", false,
            FunctionDescriptor.of(ValueLayout.JAVA_INT));

    private final long base;
    private final String setpriv;
    private final String why;
    /** The reading groups each partition belongs to besides its own, by partition index. */
    private final Map<Integer, TreeSet<Long>> readingGroups = new LinkedHashMap<>();
    /** A group per set of reading partitions that has more than one member. */
    private final Map<List<Integer>, Long> groupOf = new LinkedHashMap<>();

    private PartitionUsers(long base, String setpriv, String why) {
        this.base = base;
        this.setpriv = setpriv;
        this.why = why;
    }

    /** Every partition as this process's user (a board that is not root, or one told so). */
    public static PartitionUsers board(String why) {
        return new PartitionUsers(-1, null, why);
    }

    /**
     * The users of a board of {@code partitions} partitions and {@code channels} channels, as {@link #PROPERTY} asks
     * and this process may: separate users when it runs as root, refused in one line when they cannot be had.
     */
    public static PartitionUsers forBoard(int partitions, int channels) throws BoardUnavailableException {
        String mode = System.getProperty(PROPERTY, SEPARATE);
        if (BOARD.equals(mode)) {
            return board("partitions run as the board's user (-D" + PROPERTY + "=" + BOARD + ")");
        }
        if (!SEPARATE.equals(mode)) {
            throw new BoardUnavailableException("-D" + PROPERTY + "=" + mode + ": expected " + SEPARATE + " or "
                    + BOARD);
        }
        int euid = effectiveUid();
        if (euid != 0) {
            return board("partitions run as the board's user (uid " + euid
                    + "; only a root board can give each its own)");
        }
        String tool = null;
        for (String s : SETPRIV) {
            if (Files.isExecutable(Path.of(s))) {
                tool = s;
                break;
            }
        }
        if (tool == null) {
            throw new BoardUnavailableException("partitions of a root board run as users of their own, started by"
                    + " setpriv, which is not on this machine (Debian package util-linux); or -D" + PROPERTY + "=" + BOARD
                    + " runs them as root");
        }
        long base = Long.getLong(BASE_PROPERTY, DEFAULT_BASE);
        long last = base + Limits.MAX_PARTITIONS + Math.max(1, channels);
        if (base < 1 || last >= Integer.MAX_VALUE) {
            throw new BoardUnavailableException("-D" + BASE_PROPERTY + "=" + base + ": partition ids must lie between 1"
                    + " and " + (Integer.MAX_VALUE - 1) + " (this system needs " + (last - base) + ")");
        }
        String unmapped = unmapped(base, last);
        if (unmapped != null) {
            throw new BoardUnavailableException("partition user ids " + base + ".." + last + ": " + unmapped
                    + "; set -D" + BASE_PROPERTY + " to a mapped range");
        }
        return new PartitionUsers(base, tool, "partitions run as users " + base + ".." + (base + partitions - 1)
                + " of their own (by index), without capabilities");
    }

    /**
     * Null when ids {@code first..last} are mapped for users and groups in this process's user namespace (all are on a
     * machine; a container maps a range), else what is not.
     */
    static String unmapped(long first, long last) {
        for (String kind : List.of("uid", "gid")) {
            Path map = Path.of("/proc/self/" + kind + "_map");
            try {
                boolean covered = false;
                for (String line : Files.readAllLines(map)) {
                    String[] f = line.trim().split("\\s+");
                    long inside = Long.parseLong(f[0]);
                    long count = Long.parseLong(f[2]);
                    covered |= first >= inside && last < inside + count;
                }
                if (!covered) {
                    return "not all mapped in this user namespace (" + map + ")";
                }
            } catch (IOException | RuntimeException e) {
                return "cannot read " + map + ": " + e.getMessage();
            }
        }
        return null;
    }

    private static int effectiveUid() throws BoardUnavailableException {
        if (GETEUID == null) {
            throw new BoardUnavailableException("this C library has no geteuid: cannot tell whether the board is root");
        }
        try {
            return (int) GETEUID.invokeExact();
        } catch (Throwable e) {
            throw new BoardUnavailableException("geteuid failed: " + e.getMessage(), e);
        }
    }

    /** Whether each partition has a user of its own. */
    public boolean separate() {
        return setpriv != null;
    }

    /** One line for the board's report. */
    public String describe() {
        return why;
    }

    /** Partition {@code index}'s user and group id. */
    public long uid(int index) {
        return base + index;
    }

    /**
     * {@code command} (a partition JVM's) as partition {@code index}'s user runs it: its own user and group, the
     * groups of the regions it reads, no capabilities and no way to gain one.
     */
    public List<String> command(int index, List<String> command) {
        if (!separate()) {
            return command;
        }
        List<String> out = new ArrayList<>(List.of(setpriv, "--reuid=" + uid(index), "--regid=" + uid(index)));
        TreeSet<Long> groups = readingGroups.get(index);
        out.add(groups == null ? "--clear-groups"
                : "--groups=" + String.join(",", groups.stream().map(String::valueOf).toList()));
        out.addAll(List.of("--inh-caps=-all", "--no-new-privs", "--"));
        out.addAll(command);
        return out;
    }

    /** Starts each partition JVM as its partition's user. */
    public PartitionProcesses.Launcher launcher() {
        return (partition, builder) -> builder.command(command(partition.index(), builder.command())).start();
    }

    /** Hands {@code file} to partition {@code index} with {@code perms} (an {@code ls -l} string such as rw-------). */
    public void hand(Path file, int index, String perms) throws IOException {
        if (separate()) {
            own(file, uid(index), uid(index));
        }
        chmod(file, perms);
    }

    /** Sets {@code perms} on a file or folder of the board's that partitions may see ({@code rwx--x--x}, ...). */
    public void share(Path file, String perms) throws IOException {
        if (separate()) {
            chmod(file, perms);
        }
    }

    /**
     * A port region: written by partition {@code writer} only, readable by {@code readers} (partition indexes) and by
     * the board. The board's own user keeps it when partitions are not separate (they then share one user anyway).
     */
    public void region(Path file, int writer, List<Integer> readers) throws IOException {
        if (!separate()) {
            return;
        }
        List<Integer> who = List.copyOf(new TreeSet<>(readers));
        long group;
        if (who.isEmpty()) {
            group = uid(writer);
        } else if (who.size() == 1) {
            group = uid(who.get(0));
        } else {
            group = groupOf.computeIfAbsent(who, k -> base + Limits.MAX_PARTITIONS + groupOf.size());
            for (int r : who) {
                readingGroups.computeIfAbsent(r, k -> new TreeSet<>()).add(group);
            }
        }
        own(file, uid(writer), group);
        chmod(file, who.isEmpty() ? "rw-------" : "rw-r-----");
    }

    private static void own(Path file, long uid, long gid) throws IOException {
        Files.setAttribute(file, "unix:uid", (int) uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(file, "unix:gid", (int) gid, LinkOption.NOFOLLOW_LINKS);
    }

    private static void chmod(Path file, String perms) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(perms));
    }
}
