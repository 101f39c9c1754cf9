// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.linux;

import org.orrery.os.bsp.hosted.BoardUnavailableException;

/** Run in a child JVM without privileges by {@link UnprivilegedRefusalTest}: prints what each call reports. */
public final class RefusalProbe {
    private RefusalProbe() {
    }

    public static void main(String[] args) {
        try {
            Linux.setFifo(10);
            System.out.println("setFifo: ok");
        } catch (BoardUnavailableException e) {
            System.out.println("setFifo: " + e.getMessage());
        }
        try {
            Linux.lockAllMemory();
            System.out.println("lockAllMemory: ok");
        } catch (BoardUnavailableException e) {
            System.out.println("lockAllMemory: " + e.getMessage());
        }
    }
}
