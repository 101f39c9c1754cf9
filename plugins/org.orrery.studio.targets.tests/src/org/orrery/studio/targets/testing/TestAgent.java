// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.testing;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.Platform;
import org.orrery.os.agent.Agent;
import org.orrery.os.agent.Role;
import org.orrery.os.agent.client.ClientIdentity;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * A board agent on loopback in a JVM of its own, as {@code orrery agent} runs on a board: a real {@code SlotBoard}
 * in its own slot directory, which lets one user flash and monitor.
 */
public final class TestAgent implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final String FINGERPRINT = "orrery agent: board fingerprint ";

    private final Process process;
    private final String address;
    private final String fingerprint;

    private TestAgent(Process process, String address, String fingerprint) {
        this.process = process;
        this.address = address;
        this.fingerprint = fingerprint;
    }

    /**
     * An agent over a real {@code SlotBoard} (images verified against the signing key in {@code signerKey}, booted
     * on the simulated board, confirmed good after {@code confirmFrames} healthy major frames) in a JVM of its own,
     * as {@code orrery agent} runs on a board.
     */
    public static TestAgent startSlotBoard(Path dir, Path signerKey, int confirmFrames, ClientIdentity user)
            throws IOException {
        return start(dir, signerKey, user, Set.of(Role.FLASH, Role.MONITOR), Integer.toString(confirmFrames));
    }

    /**
     * An agent over a {@link JdwpBoard}: a simulated {@code SlotBoard} whose partition {@code partition} is debugged
     * through the JDWP port on loopback that {@code jdwpPortFile} holds ({@link DebuggeeProcess#portFile()}).
     * {@code user} gets {@code roles}.
     */
    public static TestAgent startDebugBoard(Path dir, Path signerKey, ClientIdentity user, Set<Role> roles,
            String partition, Path jdwpPortFile) throws IOException {
        return start(dir, signerKey, user, roles, "5", partition, jdwpPortFile.toString());
    }

    private static TestAgent start(Path dir, Path signerKey, ClientIdentity user, Set<Role> roles, String... args)
            throws IOException {
        Agent.authorize(dir, user.fingerprint(), roles, "studio-test");
        Path signers = Files.createDirectories(dir.resolve("trust").resolve("signers"));
        Files.copy(signerKey, signers.resolve("studio.pub"), StandardCopyOption.REPLACE_EXISTING);
        List<String> cmd = new ArrayList<>(List.of(java(), "-cp", classPath(), AgentProcess.class.getName(),
                dir.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String port = null;
        String fp = null;
        StringBuilder seen = new StringBuilder();
        String line;
        while (fp == null && (line = out.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                port = m.group(1);
            } else if (line.startsWith(FINGERPRINT)) {
                fp = line.substring(FINGERPRINT.length()).strip();
            }
        }
        if (port == null || fp == null) {
            p.destroyForcibly();
            throw new IOException("the agent process did not start:\n" + seen);
        }
        Thread.ofVirtual().start(() -> out.lines().forEach(l -> {
            // keep its pipe drained
        }));
        return new TestAgent(p, "127.0.0.1:" + port, fp);
    }

    /** The OS bundles the agent and its board's child JVMs load, by the modules' requires. */
    private static final List<String> OS_BUNDLES = List.of("org.orrery.os.agent", "org.orrery.os.image",
            "org.orrery.os.bsp.sim", "org.orrery.os.partition", "org.orrery.os.kernel", "org.orrery.os.api",
            "org.orrery.os.config", "org.orrery.os.trace");

    static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The OS bundles' jars (or folders) and the folder or jar {@link AgentProcess} was compiled into. */
    private static String classPath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String name : OS_BUNDLES) {
            Bundle b = Platform.getBundle(name);
            if (b == null) {
                throw new IllegalStateException("bundle " + name + " is not in the test runtime");
            }
            entries.add(FileLocator.getBundleFileLocation(b).orElseThrow(
                    () -> new IllegalStateException("bundle " + name + " is not in a file")).getAbsolutePath());
        }
        entries.add(classesFolder());
        return String.join(File.pathSeparator, entries);
    }

    /** The folder this bundle's classes are in. */
    static String classesFolder() throws IOException {
        // This bundle may run from its project folder, its classes under the build's output folder: ask for the class.
        // From a jar, FileLocator extracts one entry at a time, all under one folder: extract every class run outside.
        for (Class<?> c : List.of(JdwpBoard.class, Debuggee.class)) {
            FileLocator.toFileURL(FrameworkUtil.getBundle(c).getResource(c.getName().replace('.', '/') + ".class"));
        }
        String resource = AgentProcess.class.getName().replace('.', '/') + ".class";
        URL url = FileLocator.toFileURL(FrameworkUtil.getBundle(AgentProcess.class).getResource(resource));
        String file = new File(url.getPath()).getAbsolutePath();
        if (!file.endsWith(resource)) {
            throw new IllegalStateException(AgentProcess.class.getName() + " is not in a folder: " + url);
        }
        return file.substring(0, file.length() - resource.length());
    }

    /** {@code 127.0.0.1:PORT}, as a user types it. */
    public String address() {
        return address;
    }

    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close(); // its signal to stop
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
