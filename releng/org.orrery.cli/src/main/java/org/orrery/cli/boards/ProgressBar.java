// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.boards;

import java.io.PrintWriter;

/**
 * Upload progress: a bar redrawn in place on a terminal, else a plain line at every tenth so logs of CI runs stay
 * short and readable.
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private int lastTenth = -1;
    private int lastPercent = -1;

    ProgressBar(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    void update(long done, long total) {
        int percent = total == 0 ? 100 : (int) (done * 100 / total);
        if (terminal) {
            if (percent != lastPercent) {
                lastPercent = percent;
                int filled = percent * WIDTH / 100;
                out.print("\rupload [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "% "
                        + kib(done) + "/" + kib(total));
                if (done == total) {
                    out.println();
                }
                out.flush();
            }
        } else if (percent / 10 != lastTenth) {
            lastTenth = percent / 10;
            out.println("upload " + percent + "% (" + done + " of " + total + " bytes)");
        }
    }

    private static String kib(long bytes) {
        return bytes < 10 * 1024 ? bytes + " B" : (bytes / 1024) + " KiB";
    }
}
