// SPDX-License-Identifier: EPL-2.0
package org.orrery.trace.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.orrery.os.config.ConfigException;
import org.orrery.os.config.ConfigFormat;
import org.orrery.os.config.ConfigWriter;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.trace.TraceBuffer;
import org.orrery.os.trace.TraceEventType;
import org.orrery.os.trace.ctf.CtfReader;
import org.orrery.os.trace.ctf.CtfTrace;
import org.orrery.os.trace.ctf.CtfWriter;

/**
 * Writes a scripted run as a real CTF trace (per-core buffers, the OS's own writer) and reads it back, so the
 * timeline is tested on the same files a simulator run produces.
 */
public final class TraceScript {

    public static final long MS = 1_000_000L;

    private final TraceBuffer[] cores;
    private final long[] discarded;
    private Map<String, String> env = Map.of();

    public TraceScript(int cores) {
        this.cores = new TraceBuffer[cores];
        this.discarded = new long[cores];
        for (int i = 0; i < cores; i++) {
            this.cores[i] = new TraceBuffer(i, 4096);
        }
    }

    public TraceScript window(int core, long startMs, long endMs, int partition, int window, int plan) {
        return window(core, startMs, endMs, partition, window, plan, false);
    }

    public TraceScript window(int core, long startMs, long endMs, int partition, int window, int plan, boolean overrun) {
        event(core, startMs * MS, TraceEventType.WINDOW_START, partition, window, plan);
        return event(core, endMs * MS, TraceEventType.WINDOW_END, partition, window, overrun ? 1 : 0);
    }

    /** The trace's env (e.g. {@code board} as {@code orrery run} writes it). */
    public TraceScript env(Map<String, String> env) {
        this.env = Map.copyOf(env);
        return this;
    }

    /** The tracer of {@code core} reports {@code total} events it had to drop (in the stream's packets). */
    public TraceScript discarded(int core, long total) {
        discarded[core] = total;
        return this;
    }

    public TraceScript event(int core, long timeNs, TraceEventType type, long f0, long f1, long f2) {
        cores[core].emit(timeNs, type, f0, f1, f2);
        return this;
    }

    /** Writes the trace folder {@code orrery run --trace} leaves: CTF streams plus the configuration. */
    public Path writeFolder(Path dir, SystemConfig config) throws IOException, ConfigException {
        writeCtf(dir);
        Files.write(dir.resolve(ConfigFormat.TRACE_COMPANION_FILE), ConfigWriter.write(config));
        return dir;
    }

    public CtfTrace writeAndRead(Path dir) throws IOException {
        writeCtf(dir);
        return CtfReader.read(dir);
    }

    private void writeCtf(Path dir) throws IOException {
        try (CtfWriter writer = new CtfWriter(dir, UUID.nameUUIDFromBytes(new byte[] {1}), cores.length, env)) {
            for (TraceBuffer b : cores) {
                writer.drain(b);
                if (discarded[b.core()] > 0) {
                    writer.discarded(b.core(), discarded[b.core()]);
                }
            }
        }
    }
}
