// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.launch.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A simulator run presented as a {@link Process}, so the debug platform's own process machinery gives it a
 * console, a Terminate button and an exit code. The board runs in this JVM (deterministic, virtual time);
 * {@link #destroy()} asks it to stop at its next 10 ms slice.
 */
final class SimulatorProcess extends Process {

    /** What the process does; returns the exit code. */
    interface Body {
        int run(LineStream out, LineStream err, BooleanSupplier stopRequested) throws Exception;
    }

    private final LineStream out = new LineStream();
    private final LineStream err = new LineStream();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile int exit = -1;

    SimulatorProcess(String threadName, Body body) {
        Thread t = new Thread(() -> {
            try {
                exit = body.run(out, err, stop::get);
            } catch (Exception | LinkageError e) {
                // Shown in the console rather than lost in a log: the run is what the user is looking at.
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                err.line("Orrery Simulator failed: " + e.getMessage());
                err.text(trace.toString());
                exit = 1;
            } finally {
                out.close();
                err.close();
                done.countDown();
            }
        }, threadName);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public OutputStream getOutputStream() {
        return OutputStream.nullOutputStream();
    }

    @Override
    public InputStream getInputStream() {
        return out;
    }

    @Override
    public InputStream getErrorStream() {
        return err;
    }

    @Override
    public int waitFor() throws InterruptedException {
        done.await();
        return exit;
    }

    @Override
    public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        return done.await(timeout, unit);
    }

    @Override
    public int exitValue() {
        if (done.getCount() > 0) {
            throw new IllegalThreadStateException("the simulator is still running");
        }
        return exit;
    }

    @Override
    public void destroy() {
        stop.set(true);
    }

    @Override
    public boolean isAlive() {
        return done.getCount() > 0;
    }

    @Override
    public Stream<ProcessHandle> descendants() {
        return Stream.empty(); // no operating-system processes: the board runs in this JVM
    }
}
