// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.shm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads this process's memory map, as the kernel sees it: the permissions of the mapping of a file. */
final class MapsLine {
    private MapsLine() {
    }

    /** The "rwxp" field of the /proc/self/maps line that maps {@code file} at {@code address}. */
    static String permissions(Path file, long address) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            String[] f = line.trim().split("\\s+", 6);
            if (f.length == 6 && f[5].equals(file.toString())) {
                String[] range = f[0].split("-");
                if (Long.parseUnsignedLong(range[0], 16) == address) {
                    return f[1];
                }
            }
        }
        throw new IOException("no mapping of " + file + " at 0x" + Long.toHexString(address) + " in /proc/self/maps");
    }
}
