// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.watchdog.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Keeps a Linux watchdog device (/dev/watchdog) fed while the supervisor loop runs, so a hung or killed
 * supervisor resets the machine. Opening the device arms it; every write pets it; writing the magic 'V' just
 * before closing disarms it (a driver built with nowayout ignores that and keeps counting, which is its choice).
 *
 * <p>It is fed from the supervisor loop itself, never from a thread of its own: a feeder thread would keep the
 * machine alive while the loop it is meant to watch is stuck.
 */
public final class DeviceFeeder implements AutoCloseable {
    private static final byte PET = '.';
    private static final byte MAGIC_CLOSE = 'V';

    private final Path path;
    private final FileChannel channel;
    private final long intervalNanos;
    private long nextFeed;

    private DeviceFeeder(Path path, FileChannel channel, long intervalNanos) {
        this.path = path;
        this.channel = channel;
        this.intervalNanos = intervalNanos;
    }

    /**
     * Opens the device, or returns a feeder that does nothing when there is none.
     *
     * @throws IOException one line naming the device
     */
    public static DeviceFeeder open(Optional<Path> device, long intervalNanos) throws IOException {
        if (device.isEmpty()) {
            return new DeviceFeeder(null, null, Long.MAX_VALUE);
        }
        Path path = device.get();
        try {
            // APPEND only matters for a plain file standing in for the device; a character device ignores it
            FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            DeviceFeeder feeder = new DeviceFeeder(path, ch, intervalNanos);
            feeder.feed(System.nanoTime());
            return feeder;
        } catch (IOException e) {
            throw new IOException("cannot open the watchdog device " + path + " (" + e.getMessage()
                    + "); pass --device none to run without it", e);
        }
    }

    /** Pets the device if its interval has passed. */
    public void feedIfDue(long now) throws IOException {
        if (channel != null && now - nextFeed >= 0) {
            feed(now);
        }
    }

    /** Nanoseconds from {@code now} until the device is due ({@link Long#MAX_VALUE} without a device). */
    public long nanosUntilDue(long now) {
        return channel == null ? Long.MAX_VALUE : nextFeed - now;
    }

    private void feed(long now) throws IOException {
        write(PET);
        nextFeed = now + intervalNanos;
    }

    private void write(byte b) throws IOException {
        try {
            channel.write(ByteBuffer.wrap(new byte[] {b}));
        } catch (IOException e) {
            throw new IOException("cannot write to the watchdog device " + path + " (" + e.getMessage() + ")", e);
        }
    }

    /** Disarms the device with the magic close: the supervisor ends on purpose. */
    @Override
    public void close() throws IOException {
        if (channel == null) {
            return;
        }
        try (channel) {
            write(MAGIC_CLOSE);
        }
    }
}
