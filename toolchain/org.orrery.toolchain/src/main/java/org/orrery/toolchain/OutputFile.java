// SPDX-License-Identifier: EPL-2.0
package org.orrery.toolchain;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A file a command writes for the user (an imported system, an exported module file, each file of a
 * {@link GeneratedFolder}): written beside its target and moved over it in one step, so a write cut short (a full
 * disk, an interrupted command) leaves the file that was there before as it was, and never half of a new one. The
 * new file gets the permissions of any file created here (the process's umask), not the owner-only ones of a
 * temporary file.
 */
public final class OutputFile {

    /** Writes the content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private OutputFile() {
    }

    /**
     * Replaces {@code target} with what {@code content} writes; on failure {@code target} is untouched and the
     * exception may name the temporary file beside it (word it with its reason, not its file).
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + absolute.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current()
                .nextLong()) + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW)) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notHere) {
                // A file system that cannot rename in one step (some network and FUSE ones): the new file is still
                // complete before it replaces the old one; only a crash inside the move can leave the target missing.
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }
}
