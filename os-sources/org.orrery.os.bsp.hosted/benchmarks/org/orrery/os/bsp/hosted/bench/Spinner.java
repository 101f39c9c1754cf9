// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.bench;

/** A partition stand-in: a JVM (with its usual ~20 threads) whose main thread spins until killed. */
public final class Spinner {
    private Spinner() {
    }

    public static void main(String[] args) throws Exception {
        System.in.read(); // wait until the benchmark has put this process into its group
        long x = 0;
        while (true) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            if (x == 42) {
                System.out.println(x);
            }
        }
    }
}
