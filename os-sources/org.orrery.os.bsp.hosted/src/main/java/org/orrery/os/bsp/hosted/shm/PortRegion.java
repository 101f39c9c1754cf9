// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.shm;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * One shared-memory file of a port (see {@link ShmFolder} for the board folder), mapped with the FFM API.
 *
 * <p>The kernel process (the owner) {@linkplain #create creates} every region of a board before the partitions
 * start: file mode 0600, a 64-byte header (magic, layout version, kind, maximum message size, depth, buffer
 * stride, size, creator pid), message area zeroed. A partition then opens only the regions of its own ports:
 * <ul>
 * <li>a sampling or queuing <b>source</b> opens its channel's {@link RegionKind#SAMPLING} or
 * {@link RegionKind#QUEUE} file {@linkplain #openReadWrite read-write};</li>
 * <li>a <b>destination</b> opens the same file {@linkplain #openReadOnly read-only}: the file is opened
 * O_RDONLY and mapped READ_ONLY, so the mapping is PROT_READ and a write faults in the kernel, not just in
 * Java;</li>
 * <li>a queuing destination must still publish how far it has read. That index lives in a separate
 * {@link RegionKind#QUEUE_CONSUMER} region per destination which the destination maps read-write and the
 * source maps read-only. Each word of shared memory therefore has exactly one writing process, and no
 * partition can corrupt memory another partition writes; see {@link QueueRing}.</li>
 * </ul>
 *
 * <p>Opening checks the header against the {@link RegionSpec} the opener's configuration gives, and refuses a
 * mismatch with one line naming the file and the field. A region is unmapped by {@link #close()}; the memory
 * stays valid for the other processes until the owner deletes the file and every mapping is gone.
 */
public final class PortRegion implements AutoCloseable {
    private static final Set<OpenOption> CREATE = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
            StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    private static final Set<OpenOption> READ_WRITE = Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS);
    private static final Set<OpenOption> READ_ONLY = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

    private final Path file;
    private final RegionSpec spec;
    private final Arena arena;
    private final MemorySegment segment;
    private final boolean writable;

    private PortRegion(Path file, RegionSpec spec, Arena arena, MemorySegment segment, boolean writable) {
        this.file = file;
        this.spec = spec;
        this.arena = arena;
        this.segment = segment;
        this.writable = writable;
    }

    /**
     * Owner side: creates the file (mode 0600; it must not exist yet), sizes it for {@code spec}, writes the
     * header and returns the region mapped read-write. The magic is written last with release semantics, so
     * an opener racing with creation sees "not initialised", never half a header.
     */
    public static PortRegion create(Path file, RegionSpec spec) throws ShmException {
        Arena arena = Arena.ofShared();
        try (FileChannel ch = FileChannel.open(file, CREATE,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            // Mapping READ_WRITE beyond the end grows the file; on tmpfs the pages are zero and allocated lazily.
            MemorySegment seg = ch.map(FileChannel.MapMode.READ_WRITE, 0, spec.bytes(), arena);
            Layout.INT.set(seg, Layout.H_VERSION, Layout.VERSION);
            Layout.INT.set(seg, Layout.H_KIND, spec.kind().code());
            Layout.INT.set(seg, Layout.H_MAX_MESSAGE, spec.maxMessageSize());
            Layout.INT.set(seg, Layout.H_DEPTH, spec.depth());
            Layout.INT.set(seg, Layout.H_STRIDE, spec.stride());
            Layout.LONG.set(seg, Layout.H_SIZE, spec.bytes());
            Layout.LONG.set(seg, Layout.H_CREATOR_PID, ProcessHandle.current().pid());
            Layout.INT.setRelease(seg, Layout.H_MAGIC, Layout.MAGIC);
            return new PortRegion(file, spec, arena, seg, true);
        } catch (FileAlreadyExistsException e) {
            arena.close();
            throw new ShmException(file + ": already exists (a port region is created once per board start)");
        } catch (IOException | RuntimeException e) {
            arena.close();
            try {
                Files.deleteIfExists(file); // ours: CREATE_NEW succeeded or nothing is there
            } catch (IOException ignored) {
                // the message below is the one that matters
            }
            throw new ShmException(file + ": cannot create port region: " + oneLine(e), e);
        }
    }

    /** Source side: maps an existing region read-write after checking its header against {@code spec}. */
    public static PortRegion openReadWrite(Path file, RegionSpec spec) throws ShmException {
        return open(file, spec, true);
    }

    /**
     * Destination side: opens the file read-only and maps it READ_ONLY (PROT_READ), after checking its header
     * against {@code spec}. Any write through the segment fails.
     */
    public static PortRegion openReadOnly(Path file, RegionSpec spec) throws ShmException {
        return open(file, spec, false);
    }

    private static PortRegion open(Path file, RegionSpec spec, boolean writable) throws ShmException {
        Arena arena = Arena.ofShared();
        try (FileChannel ch = FileChannel.open(file, writable ? READ_WRITE : READ_ONLY)) {
            long size = ch.size();
            if (size < Layout.HEADER) {
                throw new ShmException(file + ": " + size + " bytes, too small for a port region header ("
                        + Layout.HEADER + ")");
            }
            MemorySegment seg = ch.map(writable ? FileChannel.MapMode.READ_WRITE : FileChannel.MapMode.READ_ONLY,
                    0, size, arena);
            check(file, seg, size, spec);
            return new PortRegion(file, spec, arena, seg, writable);
        } catch (ShmException e) {
            arena.close();
            throw e;
        } catch (NoSuchFileException e) {
            arena.close();
            throw new ShmException(file + ": no such port region (has the board created it?)");
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw new ShmException(file + ": cannot open port region: " + oneLine(e), e);
        }
    }

    private static void check(Path file, MemorySegment seg, long size, RegionSpec spec) throws ShmException {
        int magic = (int) Layout.INT.getAcquire(seg, Layout.H_MAGIC);
        if (magic != Layout.MAGIC) {
            throw new ShmException(file + ": not an initialised Orrery port region (magic 0x"
                    + Integer.toHexString(magic) + ", expected 0x" + Integer.toHexString(Layout.MAGIC) + ")");
        }
        int version = (int) Layout.INT.get(seg, Layout.H_VERSION);
        if (version != Layout.VERSION) {
            throw mismatch(file, "layout version", version, Layout.VERSION);
        }
        int code = (int) Layout.INT.get(seg, Layout.H_KIND);
        RegionKind kind = RegionKind.ofCode(code);
        if (kind != spec.kind()) {
            throw mismatch(file, "kind", kind == null ? "code " + code : kind, spec.kind());
        }
        int max = (int) Layout.INT.get(seg, Layout.H_MAX_MESSAGE);
        if (max != spec.maxMessageSize()) {
            throw mismatch(file, "maxMessageSize", max, spec.maxMessageSize());
        }
        int depth = (int) Layout.INT.get(seg, Layout.H_DEPTH);
        if (depth != spec.depth()) {
            throw mismatch(file, "depth", depth, spec.depth());
        }
        int stride = (int) Layout.INT.get(seg, Layout.H_STRIDE);
        if (stride != spec.stride()) {
            throw mismatch(file, "buffer stride", stride, spec.stride());
        }
        long declared = (long) Layout.LONG.get(seg, Layout.H_SIZE);
        if (declared != spec.bytes() || size != spec.bytes()) {
            throw mismatch(file, "size", declared != spec.bytes() ? declared : size, spec.bytes());
        }
    }

    private static ShmException mismatch(Path file, String field, Object found, Object expected) {
        return new ShmException(file + ": " + field + " is " + found + ", expected " + expected
                + " (the region was created for another configuration)");
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
    }

    public Path file() {
        return file;
    }

    public RegionSpec spec() {
        return spec;
    }

    /** True when mapped read-write (owner or source side of a message region, destination side of a consumer). */
    public boolean writable() {
        return writable;
    }

    /** The whole mapping, header included; read-only when {@link #writable()} is false. */
    public MemorySegment segment() {
        return segment;
    }

    /** Pid of the process that created the region (from the header). */
    public long creatorPid() {
        return (long) Layout.LONG.get(segment, Layout.H_CREATOR_PID);
    }

    /** Unmaps the region; ports built on it must not be used afterwards. The file stays. */
    @Override
    public void close() {
        if (arena.scope().isAlive()) {
            arena.close();
        }
    }

    @Override
    public String toString() {
        return file + " (" + spec.kind() + (writable ? ", read-write)" : ", read-only)");
    }
}
