// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.launch.internal;

import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * The simulator's console as a stream the debug platform reads like a process's stdout. Lines come from
 * many partition threads; a pipe would fail once its last writer thread has ended ("write end dead"), so
 * this is a plain buffer: writers append, the reader blocks until there is data or the stream is closed.
 */
final class LineStream extends InputStream {

    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private byte[] current;
    private int pos;
    private boolean closed;

    synchronized void line(String text) {
        text(text + "\n");
    }

    synchronized void text(String text) {
        if (!closed && !text.isEmpty()) {
            chunks.add(text.getBytes(StandardCharsets.UTF_8));
            notifyAll();
        }
    }

    @Override
    public synchronized int read() throws InterruptedIOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws InterruptedIOException {
        if (len == 0) {
            return 0;
        }
        while (current == null || pos == current.length) {
            current = chunks.poll();
            pos = 0;
            if (current != null) {
                continue;
            }
            if (closed) {
                return -1;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted reading the simulator console");
            }
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public synchronized int available() {
        int n = current == null ? 0 : current.length - pos;
        for (byte[] c : chunks) {
            n += c.length;
        }
        return n;
    }

    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
