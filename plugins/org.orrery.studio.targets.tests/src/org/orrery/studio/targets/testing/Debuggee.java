// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.testing;

/**
 * A stand-in for a partition's application, run in a JVM of its own with JDWP on loopback: the main thread counts
 * through {@link #tick} (where the tests break), a neighbour thread keeps counting on its own, so a test can see that
 * a breakpoint suspends one thread and not the VM. Runs until its standard input closes.
 */
public final class Debuggee {

    /** Ticks of the neighbour thread; it never stops at a breakpoint. */
    static volatile long neighbourTicks;

    private Debuggee() {
    }

    public static void main(String[] args) throws Exception {
        Thread.ofPlatform().daemon().name("neighbour").start(() -> {
            while (true) {
                neighbourTicks++;
                pause();
            }
        });
        Thread.ofPlatform().daemon().name("ticker").start(() -> {
            for (int n = 0; ; ) {
                n = tick(n);
            }
        });
        while (System.in.read() >= 0) {
            // wait for the parent to go
        }
        System.exit(0);
    }

    static int tick(int n) {
        pause();
        return n + 1;
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
