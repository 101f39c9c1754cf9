// SPDX-License-Identifier: EPL-2.0
package org.orrery.toolchain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.orrery.os.config.ConfigException;
import org.orrery.os.config.ConfigFormat;
import org.orrery.os.image.LoadedImage;
import org.orrery.os.kernel.BoardException;
import org.orrery.os.kernel.BoardSupport;
import org.orrery.os.kernel.BootRequest;
import org.orrery.os.kernel.RunSummary;
import org.orrery.os.trace.TraceSink;
import org.orrery.os.trace.ctf.CtfWriter;

/**
 * The run step: boots a loaded image on a board, optionally recording a CTF 1.8 trace folder that trace tools
 * (babeltrace2, {@code orrery trace}, the Orrery Timeline view) can open on their own.
 */
public final class Run {

    private final LoadedImage image;
    private final BoardSupport board;
    private long guardNanos;
    private Consumer<String> echo = line -> { };
    private BooleanSupplier stop = () -> false;
    private Path traceDir;
    private TraceSink watcher;

    private Run(LoadedImage image, BoardSupport board) {
        this.image = image;
        this.board = board;
    }

    public static Run of(LoadedImage image, BoardSupport board) {
        return new Run(image, board);
    }

    /** Wall-clock time a process may keep a core between kernel calls; without it, the board's default. */
    public Run guardMillis(long millis) {
        this.guardNanos = millis * 1_000_000L;
        return this;
    }

    /** Gets each console line as the partitions print it. */
    public Run echo(Consumer<String> consumer) {
        this.echo = consumer;
        return this;
    }

    /** Asked between slices of board time; true ends the run early (the trace keeps what was recorded). */
    public Run stopWhen(BooleanSupplier condition) {
        this.stop = condition;
        return this;
    }

    /** Records the run as CTF into {@code dir}, with the booted configuration beside it. */
    public Run traceTo(Path dir) {
        this.traceDir = dir;
        return this;
    }

    /**
     * Also hands every trace event to {@code watcher}, with or without a trace folder: for a stop condition that waits
     * for an event (a health-monitor report, a mode change). Boards call it on the thread that runs the schedule (the
     * hosted board between slices of board time), so it must only note what it needs.
     */
    public Run watch(TraceSink watcher) {
        this.watcher = watcher;
        return this;
    }

    public Outcome run(long durationNs) throws ConfigException, IOException, BoardException {
        AtomicBoolean stopped = new AtomicBoolean();
        BooleanSupplier asked = () -> {
            boolean s = stop.getAsBoolean();
            stopped.compareAndSet(false, s);
            return s;
        };
        String system = image.config().name();
        if (traceDir == null) {
            RunSummary summary = board.boot(request(durationNs, asked, null));
            return new Outcome(board.name(), system, summary, stopped.get(), 0, null);
        }
        Files.createDirectories(traceDir);
        Map<String, String> env = new TreeMap<>(Map.of("board", board.name(), "system", system,
                "image_signer", image.image().signer().isEmpty() ? "unsigned" : image.image().signer()));
        RunSummary summary;
        long events;
        try (CtfWriter w = new CtfWriter(traceDir, image.traceUuid(), image.config().board().cores(), env,
                image.traceNames())) {
            // Trace tools turn the events' indexes back into names with the configuration the run booted; it
            // is written before the run so that a run cut short leaves a folder they can read.
            Files.write(traceDir.resolve(ConfigFormat.TRACE_COMPANION_FILE), image.image().config());
            summary = board.boot(request(durationNs, asked, w));
            events = w.eventsWritten();
        }
        return new Outcome(board.name(), system, summary, stopped.get(), events, traceDir);
    }

    private BootRequest request(long durationNs, BooleanSupplier asked, CtfWriter trace) {
        return new BootRequest(image.config(), image.osModules(), image.applicationJars(), durationNs, echo, asked,
                both(trace, watcher), guardNanos);
    }

    /** One sink for the board: the trace folder's writer and the watcher, either of which may be absent. */
    private static TraceSink both(TraceSink first, TraceSink second) {
        if (first == null || second == null) {
            return first == null ? second : first;
        }
        return new TraceSink() {
            @Override
            public void event(int core, long timestampNs, int typeId, long f0, long f1, long f2) {
                first.event(core, timestampNs, typeId, f0, f1, f2);
                second.event(core, timestampNs, typeId, f0, f1, f2);
            }

            @Override
            public void discarded(int core, long total) {
                first.discarded(core, total);
                second.discarded(core, total);
            }
        };
    }

    /**
     * What a run did; {@link #report()} is the text every front end prints after a run.
     *
     * @param stopped the run was ended early on request (Terminate, Ctrl-C)
     * @param traceEvents events written, 0 without a trace folder
     */
    public record Outcome(String board, String system, RunSummary summary, boolean stopped, long traceEvents,
            Path traceDir) {

        public String report() {
            StringBuilder b = new StringBuilder();
            b.append("--- schedule summary (").append(board).append(" board, ").append(system).append(") ---\n");
            b.append(summary.format());
            if (stopped) {
                b.append("stopped on request at ").append(summary.endTimeNs() / 1_000_000L).append(" ms of board time\n");
            }
            if (traceDir != null) {
                b.append("trace: ").append(traceEvents).append(" events in ").append(traceDir)
                        .append(" (CTF 1.8; `orrery trace dump ").append(traceDir).append("` or babeltrace2)\n");
            }
            return b.toString();
        }
    }
}
