// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.shm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A board folder under /dev/shm for one test, named after this JVM's pid, plus the regions the test mapped.
 * {@link #close()} (called from {@code @AfterEach}, so also after a failure) unmaps them and removes the folder.
 */
final class TempBoard implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    final ShmFolder folder;
    private final List<PortRegion> regions = new ArrayList<>();

    TempBoard() throws ShmException {
        folder = ShmFolder.create(ShmFolder.DEV_SHM,
                "test-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet());
    }

    String board() {
        return folder.dir().getFileName().toString().substring("orrery-".length());
    }

    <R extends PortRegion> R track(R r) {
        regions.add(r);
        return r;
    }

    PortRegion create(Path file, RegionSpec spec) throws ShmException {
        return track(PortRegion.create(file, spec));
    }

    PortRegion openReadOnly(Path file, RegionSpec spec) throws ShmException {
        return track(PortRegion.openReadOnly(file, spec));
    }

    PortRegion openReadWrite(Path file, RegionSpec spec) throws ShmException {
        return track(PortRegion.openReadWrite(file, spec));
    }

    /** A read-write view of a region without header checks, for tests that fake what another process left. */
    java.lang.foreign.MemorySegment openReadWriteUnchecked(Path file) {
        PortRegion r = regions.stream().filter(x -> x.file().equals(file) && x.writable()).findFirst()
                .orElseThrow(() -> new IllegalStateException(file + ": no writable region open in this test"));
        return r.segment();
    }

    @Override
    public void close() throws ShmException, IOException {
        regions.forEach(PortRegion::close);
        folder.close();
        if (Files.exists(folder.dir())) {
            throw new IOException(folder.dir() + " still exists after close");
        }
    }
}
