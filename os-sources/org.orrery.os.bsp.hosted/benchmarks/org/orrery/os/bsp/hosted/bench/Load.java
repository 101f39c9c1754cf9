// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load when a benchmark ran: latency tails on a shared machine mean little without it. */
final class Load {
    private Load() {
    }

    static String now() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return "load average " + f[0] + " " + f[1] + " " + f[2] + " on "
                    + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (IOException e) {
            return "load unknown";
        }
    }
}
