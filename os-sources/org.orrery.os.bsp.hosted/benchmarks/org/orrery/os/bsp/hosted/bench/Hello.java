// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.bench;

/** The baseline of the start-up benchmark: a Java process that prints one line and ends. */
public final class Hello {
    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
