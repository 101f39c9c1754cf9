// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.shm;

/**
 * Messages whose every part follows from their number: 8 bytes of number, then bytes equal to the number's low
 * byte, length 9 + number % (max - 8). A torn message (parts of two numbers) fails {@link #check}.
 */
final class SelfCheckingMessage {
    private SelfCheckingMessage() {
    }

    /** Writes message {@code n} into {@code buf}; returns its length. */
    static int fill(byte[] buf, long n, int max) {
        int len = 9 + (int) (n % (max - 8));
        for (int i = 0; i < 8; i++) {
            buf[i] = (byte) (n >>> (8 * i));
        }
        for (int i = 8; i < len; i++) {
            buf[i] = (byte) n;
        }
        return len;
    }

    /** The message's number if it is whole, otherwise -1. */
    static long check(byte[] buf, int len, int max) {
        long n = 0;
        for (int i = 0; i < 8; i++) {
            n |= (buf[i] & 0xFFL) << (8 * i);
        }
        if (n < 0 || len < 9 || len != 9 + (int) (n % (max - 8))) {
            return -1;
        }
        for (int i = 8; i < len; i++) {
            if (buf[i] != (byte) n) {
                return -1;
            }
        }
        return n;
    }
}
