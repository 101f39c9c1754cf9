// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import static org.orrery.os.bsp.hosted.HostedSystems.MS;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.orrery.os.config.SystemConfig;
import org.orrery.os.kernel.BootRequest;
import org.orrery.os.kernel.RunSummary;

/**
 * A kernel process for tests: boots a two-partition system on the hosted board for a while, writing its pid, the
 * console lines and the summary's first line to a log file. {@code BoardMain LOG MILLISECONDS}
 */
public final class BoardMain {

    private BoardMain() {
    }

    public static void main(String[] args) throws Exception {
        Path log = Path.of(args[0]);
        long ms = Long.parseLong(args[1]);
        append(log, "boot " + ProcessHandle.current().pid());
        SystemConfig config = HostedSystems.system(20 * MS, List.of(HostedSystems.partition("a", 0, 0, "Ticker", 20 * MS),
                HostedSystems.partition("b", 1, 1, "Ticker", 20 * MS)));
        byte[] apps = HostedSystems.apps();
        Map<String, byte[]> jars = new HashMap<>();
        config.partitions().forEach(p -> jars.put(p.name(), apps));
        RunSummary s = new HostedBoardSupport().boot(new BootRequest(config, HostedSystems.osModules(), jars, ms * MS,
                line -> append(log, line), null, null, 0));
        append(log, "summary " + s.format().lines().findFirst().orElse(""));
    }

    private static synchronized void append(Path log, String line) {
        try {
            Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
