// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.os;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Turns SIGINT or SIGTERM (Ctrl-C, a CI job's timeout) into a request to stop a run: the JVM's shutdown hook
 * asks the run to stop and waits for it to close its trace and print its summary, so an interrupted run keeps
 * what it recorded. Without it the JVM would exit mid-run and lose the packets not yet on disk.
 */
final class ShutdownStop implements BooleanSupplier, AutoCloseable {

    /** How long the hook waits for the run to wind down; a run stops within one slice of board time. */
    private static final long GRACE_SECONDS = 20;

    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook = new Thread(this::stopAndWait, "orrery-run-shutdown");
    private volatile boolean requested;

    ShutdownStop() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** True once the JVM was asked to shut down: the run ends at its next slice of board time. */
    @Override
    public boolean getAsBoolean() {
        return requested;
    }

    /** The run has finished (normally or on request); the JVM may exit. */
    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running and now returns: nothing to remove.
        }
    }

    private void stopAndWait() {
        requested = true;
        try {
            done.await(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
