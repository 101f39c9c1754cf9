// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@link Debuggee} in a JVM of its own whose JDWP agent listens on a free port of 127.0.0.1. */
public final class DebuggeeProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Listening for transport dt_socket at address: (\\d+)");

    private final Process process;
    private final int port;

    private DebuggeeProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static DebuggeeProcess start() throws IOException {
        Process p = new ProcessBuilder(List.of(TestAgent.java(),
                "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:0", "-cp",
                TestAgent.classesFolder(), Debuggee.class.getName())).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            seen.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread.ofVirtual().start(() -> out.lines().forEach(l -> {
                    // keep its pipe drained
                }));
                return new DebuggeeProcess(p, Integer.parseInt(m.group(1)));
            }
        }
        p.destroyForcibly();
        throw new IOException("the debuggee did not start:\n" + seen);
    }

    public int jdwpPort() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // it goes below anyway
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
