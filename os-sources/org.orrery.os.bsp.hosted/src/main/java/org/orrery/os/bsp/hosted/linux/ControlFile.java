// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.linux;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.orrery.os.bsp.hosted.BoardUnavailableException;

/**
 * A cgroup control file kept open for the window edge's critical path: writes and reads are one pwrite/pread
 * of pre-allocated bytes, with no open, path lookup or allocation per use. The kernel regenerates a cgroup
 * file's content on every read at offset 0.
 */
final class ControlFile implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(256);

    private ControlFile(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Opens for reading, and for writing too when {@code writable}. */
    static ControlFile open(Path file, boolean writable) throws BoardUnavailableException {
        try {
            return new ControlFile(file, writable
                    ? FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)
                    : FileChannel.open(file, StandardOpenOption.READ));
        } catch (IOException e) {
            throw new BoardUnavailableException(file + ": cannot open (" + CgroupFiles.reason(e) + ")");
        }
    }

    /** Bytes for {@link #write(ByteBuffer)}, allocated once. */
    static ByteBuffer bytes(String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocateDirect(b.length).put(b).flip();
    }

    synchronized void write(ByteBuffer value) throws BoardUnavailableException {
        try {
            value.rewind();
            channel.write(value, 0);
        } catch (IOException e) {
            throw new BoardUnavailableException(file + ": cannot write (" + CgroupFiles.reason(e) + ")");
        }
    }

    /** True when the file's content contains {@code expected} (ASCII), read without allocating. */
    synchronized boolean contains(byte[] expected) throws BoardUnavailableException {
        try {
            readBuffer.clear();
            int n = channel.read(readBuffer, 0);
            outer:
            for (int i = 0; i + expected.length <= n; i++) {
                for (int j = 0; j < expected.length; j++) {
                    if (readBuffer.get(i + j) != expected[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        } catch (IOException e) {
            throw new BoardUnavailableException(file + ": cannot read (" + CgroupFiles.reason(e) + ")");
        }
    }

    /**
     * The number after {@code field} on the line that starts with {@code line}, e.g. the {@code total=} of a
     * pressure file's "some" line ("some avg10=0.00 avg60=0.00 avg300=0.00 total=1234"), or -1 when there is no
     * such line or field; read and parsed without allocating.
     */
    synchronized long field(byte[] line, byte[] field) throws BoardUnavailableException {
        try {
            readBuffer.clear();
            int n = channel.read(readBuffer, 0);
            for (int start = 0; start < n; ) {
                int end = start;
                while (end < n && readBuffer.get(end) != '\n') {
                    end++;
                }
                if (startsWith(start, end, line)) {
                    for (int i = start + line.length; i + field.length <= end; i++) {
                        if (startsWith(i, end, field)) {
                            long v = 0;
                            int k = i + field.length;
                            if (k >= end || readBuffer.get(k) < '0' || readBuffer.get(k) > '9') {
                                return -1;
                            }
                            for (; k < end && readBuffer.get(k) >= '0' && readBuffer.get(k) <= '9'; k++) {
                                v = v * 10 + (readBuffer.get(k) - '0');
                            }
                            return v;
                        }
                    }
                    return -1;
                }
                start = end + 1;
            }
            return -1;
        } catch (IOException e) {
            throw new BoardUnavailableException(file + ": cannot read (" + CgroupFiles.reason(e) + ")");
        }
    }

    private boolean startsWith(int at, int end, byte[] prefix) {
        if (at + prefix.length > end) {
            return false;
        }
        for (int j = 0; j < prefix.length; j++) {
            if (readBuffer.get(at + j) != prefix[j]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing a control file releases no data; nothing useful to report.
        }
    }
}
