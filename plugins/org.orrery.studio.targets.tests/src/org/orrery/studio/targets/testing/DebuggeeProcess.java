// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link Debuggee} in a JVM of its own whose JDWP agent listens on a free port of 127.0.0.1. JDWP with
 * {@code address=127.0.0.1:0} listens on a new free port each time a debugger detaches, so the port it listens on
 * now is kept in {@link #portFile()} for the {@link JdwpBoard} to dial (the hosted board's fixed port in the
 * partition's own network namespace needs no such file).
 */
public final class DebuggeeProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Listening for transport dt_socket at address: (\\d+)");

    private final Process process;
    private final Path portFile;

    private DebuggeeProcess(Process process, Path portFile) {
        this.process = process;
        this.portFile = portFile;
    }

    public static DebuggeeProcess start() throws IOException {
        Process p = new ProcessBuilder(List.of(TestAgent.java(),
                "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:0", "-cp",
                TestAgent.classesFolder(), Debuggee.class.getName())).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        Path portFile = Files.createTempFile("orrery-debuggee-", ".port");
        for (String line; (line = out.readLine()) != null; ) {
            seen.append(line).append('\n');
            if (listening(line, portFile)) {
                Thread.ofVirtual().start(() -> out.lines().forEach(l -> listening(l, portFile)));
                return new DebuggeeProcess(p, portFile);
            }
        }
        p.destroyForcibly();
        Files.deleteIfExists(portFile);
        throw new IOException("the debuggee did not start:\n" + seen);
    }

    /** Whether {@code line} says where JDWP listens now; if so, the port goes to {@code portFile}. */
    private static boolean listening(String line, Path portFile) {
        Matcher m = LISTENING.matcher(line);
        if (!m.find()) {
            return false;
        }
        try {
            Path tmp = portFile.resolveSibling(portFile.getFileName() + ".tmp");
            Files.writeString(tmp, m.group(1));
            Files.move(tmp, portFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    /** The file holding the port JDWP listens on now, in decimal. */
    public Path portFile() {
        return portFile;
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
        try {
            Files.deleteIfExists(portFile);
        } catch (IOException e) {
            // a temporary file
        }
    }
}
