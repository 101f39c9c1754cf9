// SPDX-License-Identifier: EPL-2.0
package org.orrery.toolchain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.orrery.os.bsp.sim.SimResult;
import org.orrery.os.bsp.sim.Simulator;
import org.orrery.os.config.ConfigException;
import org.orrery.os.config.ConfigFormat;
import org.orrery.os.image.LoadedImage;
import org.orrery.os.trace.ctf.CtfWriter;

/**
 * Boots a loaded image on the simulated board, optionally recording a CTF 1.8 trace folder that trace tools
 * (babeltrace2, {@code orrery trace}, the Orrery Timeline view) can open on their own.
 */
public final class SimRun {

    /** The board this class runs on. */
    public static final String BOARD = "sim";
    public static final long DEFAULT_GUARD_MILLIS = 2000;

    private final LoadedImage image;
    private long guardMillis = DEFAULT_GUARD_MILLIS;
    private Consumer<String> echo = line -> { };
    private BooleanSupplier stop;
    private Path traceDir;

    private SimRun(LoadedImage image) {
        this.image = image;
    }

    public static SimRun of(LoadedImage image) {
        return new SimRun(image);
    }

    public SimRun guardMillis(long millis) {
        this.guardMillis = millis;
        return this;
    }

    /** Gets each console line as the partitions print it. */
    public SimRun echo(Consumer<String> consumer) {
        this.echo = consumer;
        return this;
    }

    /** Asked every 10 ms of virtual time; true ends the run early (the trace keeps what was recorded). */
    public SimRun stopWhen(BooleanSupplier condition) {
        this.stop = condition;
        return this;
    }

    /** Records the run as CTF into {@code dir}, with the booted configuration beside it. */
    public SimRun traceTo(Path dir) {
        this.traceDir = dir;
        return this;
    }

    /** What a run did. {@code traceEvents} is 0 without a trace folder. */
    public record Outcome(SimResult result, long traceEvents, Path traceDir) {}

    public Outcome run(long durationNs) throws ConfigException, IOException {
        Simulator sim = image.simulator().guardMillis(guardMillis).echo(echo);
        if (stop != null) {
            sim.stopWhen(stop);
        }
        if (traceDir == null) {
            return new Outcome(sim.run(durationNs), 0, null);
        }
        Map<String, String> env = new TreeMap<>(Map.of("board", BOARD, "system", image.config().name(),
                "image_signer", image.image().signer().isEmpty() ? "unsigned" : image.image().signer()));
        SimResult result;
        long events;
        try (CtfWriter w = new CtfWriter(traceDir, image.traceUuid(), image.config().board().cores(), env)) {
            result = sim.traceSink(w).run(durationNs);
            events = w.eventsWritten();
        }
        // Trace tools turn the events' indexes back into names with the configuration the run booted.
        Files.write(traceDir.resolve(ConfigFormat.TRACE_COMPANION_FILE), image.image().config());
        return new Outcome(result, events, traceDir);
    }
}
