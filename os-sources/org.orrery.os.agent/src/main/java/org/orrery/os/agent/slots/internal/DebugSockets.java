// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.slots.internal;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.orrery.os.agent.Refusal;

/**
 * Where a hosted board's partition debuggers are reached: an owner-only folder (short, in the temporary directory,
 * as Unix socket paths are limited to 107 bytes) handed to the boot child as {@value #PROPERTY}. The hosted board
 * ({@code org.orrery.os.bsp.hosted.PartitionDebug}, the image's own code) puts {@code PARTITION.sock} there for each
 * partition JVM whose JDWP port it can relay, and {@code PARTITION.refused} (one line) for one it cannot.
 */
public final class DebugSockets implements AutoCloseable {
    /** The system property the hosted board reads; the name is the contract between agent and image. */
    public static final String PROPERTY = "orrery.debug.dir";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}");

    private final Path dir;

    private DebugSockets(Path dir) {
        this.dir = dir;
    }

    /** Folders are named {@code orrery-debug-<agent pid>-<random>}. */
    static final String PREFIX = "orrery-debug-";

    public static DebugSockets create() throws IOException {
        Path dir = Files.createTempDirectory(PREFIX + ProcessHandle.current().pid() + "-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        removeStale(dir.getParent(), Files.getOwner(dir));
        return new DebugSockets(dir);
    }

    /**
     * An agent killed with -9 (a power cut) never removes its folder: those of agents that are gone go now, if they are
     * {@code ours}. The temporary directory is everybody's: another user's folder can be swapped for a link to any
     * folder while it is walked, and an agent run as root would then delete what is there.
     */
    private static void removeStale(Path tmp, UserPrincipal ours) {
        try (Stream<Path> entries = Files.list(tmp)) {
            for (Path d : entries.filter(e -> e.getFileName().toString().startsWith(PREFIX)).toList()) {
                String rest = d.getFileName().toString().substring(PREFIX.length());
                int dash = rest.indexOf('-');
                try {
                    if (dash > 0 && ProcessHandle.of(Long.parseLong(rest.substring(0, dash))).isEmpty()
                            && Files.getOwner(d, LinkOption.NOFOLLOW_LINKS).equals(ours)) {
                        new DebugSockets(d).close();
                    }
                } catch (NumberFormatException | IOException e) {
                    // not one of ours, or removed by another agent meanwhile
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // not ours to list, or another agent sweeps at the same time: nothing lost
        }
    }

    /** The boot child's JVM options with the folder, emptied of what an earlier boot left. */
    public List<String> prepare(List<String> jvmOptions) throws IOException {
        clear();
        List<String> jvm = new ArrayList<>(jvmOptions);
        jvm.add("-D" + PROPERTY + "=" + dir);
        return jvm;
    }

    /** Connects to the partition's relay in the boot child, or says in one line why not. */
    public ByteChannel connect(String partition) throws Refusal {
        if (!NAME.matcher(partition).matches()) {
            throw new Refusal("bad-request", "'" + partition + "' is not a partition name");
        }
        Path refused = dir.resolve(partition + ".refused");
        Path socket = dir.resolve(partition + ".sock");
        try {
            if (Files.exists(refused)) {
                throw new Refusal("unsupported", Files.readString(refused, StandardCharsets.UTF_8).strip());
            }
            if (!Files.exists(socket)) {
                throw new Refusal("no-partition", "partition " + partition + " has no JVM running on this board (no "
                        + "such partition, no application, or still starting)");
            }
            SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                ch.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                ch.close();
                throw e;
            }
            return ch;
        } catch (IOException e) {
            throw new Refusal("io", "cannot reach partition " + partition + "'s debugger: " + e.getMessage());
        }
    }

    private void clear() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            // a temporary folder; the OS cleans what is left
        }
    }
}
