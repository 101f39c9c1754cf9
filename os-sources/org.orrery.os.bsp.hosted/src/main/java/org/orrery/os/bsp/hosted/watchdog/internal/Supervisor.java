// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.watchdog.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.orrery.os.bsp.hosted.watchdog.BoardWatchdog.Ending;
import org.orrery.os.bsp.hosted.watchdog.BoardWatchdog.Outcome;
import org.orrery.os.bsp.hosted.watchdog.BoardWatchdog.Settings;
import org.orrery.os.bsp.hosted.watchdog.WatchdogProtocol;

/**
 * The supervisor loop: boot the kernel, watch one life of it, kill what is left of the board, and either end
 * or boot again. One thread does everything, sleeping in the kick socket's selector until the next deadline,
 * the next device feed, a kick, the kernel's exit or a stop request, whichever comes first.
 */
public final class Supervisor {
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);
    private static final String PREFIX = "board watchdog: ";

    private final Settings settings;
    private volatile boolean stopRequested;
    private volatile KickSocket socket;

    public Supervisor(Settings settings) {
        this.settings = settings;
    }

    /** How one life of the kernel ended: either the run ends, or the board is to be reset. */
    private record Life(String reason, String cause, Ending ending, int status) {
        static Life reset(String reason, String cause) {
            return new Life(reason, cause, null, 0);
        }

        static Life end(Ending ending, int status, String reason) {
            return new Life(reason, null, ending, status);
        }
    }

    public void requestStop() {
        stopRequested = true;
        KickSocket s = socket;
        if (s != null) {
            s.wakeup();
        }
    }

    public Outcome run() throws IOException {
        ProcessTree tree;
        try {
            tree = new ProcessTree(Signals.link());
        } catch (IllegalStateException e) {
            throw new IOException(e.getMessage(), e);
        }
        KernelLauncher launcher = KernelLauncher.of(settings.command());
        ResetBudget budget = new ResetBudget(settings.maxResets(), settings.resetPeriod().toNanos());
        try (KickSocket kicks = KickSocket.bind(settings.socket());
                DeviceFeeder device = DeviceFeeder.open(settings.device(), settings.deviceInterval().toNanos())) {
            socket = kicks;
            int resets = 0;
            String cause = null;
            while (true) {
                kicks.newBoot();
                Process kernel = launcher.start(kicks.path(), resets, cause);
                kernel.onExit().thenRun(kicks::wakeup);
                Life life;
                try {
                    life = watch(kernel, kicks, device);
                } catch (IOException | RuntimeException e) {
                    tree.kill(kernel.toHandle(), KILL_WAIT); // never leave a board running unsupervised
                    throw e;
                }
                // decide and say so first (the line is the moment of detection), then take the board down
                Outcome end = endOf(life, resets, budget);
                if (end == null) {
                    resets++;
                    cause = life.cause();
                    settings.log().accept(PREFIX + life.reason() + "; resetting the board (reset " + resets + ")");
                } else {
                    settings.log().accept(end.message());
                }
                List<Long> left = tree.kill(kernel.toHandle(), KILL_WAIT);
                if (!left.isEmpty()) {
                    log(left.size() + " process(es) of the board still alive " + KILL_WAIT.toSeconds()
                            + " s after SIGKILL: " + left);
                }
                if (end != null) {
                    return end;
                }
            }
        } finally {
            socket = null;
        }
    }

    /** The run's outcome when this life ends it, or null when the board is to be reset. */
    private Outcome endOf(Life life, int resets, ResetBudget budget) {
        if (life.ending() != null) {
            return new Outcome(life.ending(), life.status(), resets, PREFIX + life.reason());
        }
        if (budget.tryReset(System.nanoTime())) {
            return null;
        }
        return new Outcome(Ending.GAVE_UP, WatchdogProtocol.STATUS_GAVE_UP, resets, PREFIX + life.reason()
                + "; not resetting: " + budget.inPeriod() + " resets within " + settings.resetPeriod().toMillis()
                + " ms already (--max-resets " + settings.maxResets() + "); the board does not come up");
    }

    /** What the kernel has said during one life. */
    private static final class Heard {
        final long start = System.nanoTime();
        long lastKick = start;
        boolean kicked;
        long stopSince;
        boolean stopping;

        /** Takes in what a poll brought; a kick counts when it is read, which can only be later than sent. */
        boolean take(int events) {
            long at = System.nanoTime();
            if ((events & KickSocket.KICKED) != 0 && !stopping) {
                kicked = true;
                lastKick = at;
            }
            if ((events & KickSocket.CLEAN_STOP) != 0 && !stopping) {
                stopping = true;
                stopSince = at;
            }
            return events != 0;
        }
    }

    /** Watches one life of the kernel until it ends or must be reset; the board is still up when this returns. */
    private Life watch(Process kernel, KickSocket kicks, DeviceFeeder device) throws IOException {
        Heard heard = new Heard();
        while (true) {
            if (stopRequested) {
                return Life.end(Ending.STOPPED, WatchdogProtocol.STATUS_STOPPED, "asked to stop; the board is stopped");
            }
            long now = System.nanoTime();
            device.feedIfDue(now);
            if (!kernel.isAlive()) {
                int status = kernel.exitValue();
                if (heard.stopping || WatchdogProtocol.isCleanExit(status)) {
                    return Life.end(Ending.KERNEL_EXITED, status, "the kernel ended with status " + status
                            + (heard.stopping ? " after a clean stop" : "") + "; the board is down");
                }
                return Life.reset("the kernel ended with status " + status, WatchdogProtocol.CAUSE_CRASH);
            }
            long deadline = heard.stopping ? heard.stopSince + settings.stopTimeout().toNanos()
                    : heard.kicked ? heard.lastKick + settings.timeout().toNanos()
                    : heard.start + settings.bootTimeout().toNanos();
            if (now - deadline >= 0) {
                // this loop may itself have been descheduled past the deadline: what arrived meanwhile counts
                if (heard.take(kicks.poll(0))) {
                    continue;
                }
                return expired(heard, now);
            }
            heard.take(kicks.poll(Math.min(deadline - now, device.nanosUntilDue(now))));
        }
    }

    private Life expired(Heard heard, long now) {
        if (heard.stopping) {
            return Life.end(Ending.STOP_OVERRAN, WatchdogProtocol.STATUS_STOP_OVERRAN,
                    "the kernel announced a clean stop but still runs after " + ms(now - heard.stopSince)
                            + " ms (stop timeout " + settings.stopTimeout().toMillis() + " ms); board killed");
        }
        if (!heard.kicked) {
            return Life.reset("no first kick within " + ms(now - heard.start) + " ms (boot timeout "
                    + settings.bootTimeout().toMillis() + " ms)", WatchdogProtocol.CAUSE_WATCHDOG);
        }
        return Life.reset("no kick for " + ms(now - heard.lastKick) + " ms (timeout " + settings.timeout().toMillis()
                + " ms)", WatchdogProtocol.CAUSE_WATCHDOG);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private void log(String line) {
        settings.log().accept(PREFIX + line);
    }
}
