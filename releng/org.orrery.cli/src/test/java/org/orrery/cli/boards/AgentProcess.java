// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.boards;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.orrery.os.testing.NetworkNamespace;

/**
 * {@code orrery agent} as a board runs it: a process of its own, in the test's network namespace when there is one,
 * accepting images signed with {@code signer} and confirming them after 3 healthy frames.
 *
 * @param address where it listens, {@code HOST:PORT}
 * @param fingerprint the board's key, as {@code orrery boards add --fingerprint} takes it
 */
record AgentProcess(Process process, Path output, String address, String fingerprint) {

    private static final Pattern LISTENING = Pattern.compile("listening on (\\S+):(\\d+)");
    private static final Pattern FINGERPRINT = Pattern.compile("board fingerprint (\\S+)");

    /** Starts it and waits (up to 60 s) until it says where it listens and which key it has. */
    static AgentProcess start(NetworkNamespace ns, Path slots, Path signer, Path output) throws Exception {
        String listen = (ns == null ? "127.0.0.1" : ns.boardAddress().getHostAddress()) + ":0";
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.orrery.cli.OrreryCli", "agent", "--slots",
                slots.toString(), "--listen", listen, "--signer", signer.toString(), "--confirm-frames", "3"));
        Process agent = new ProcessBuilder(ns == null ? command : ns.command(command)).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String text = Files.readString(output, StandardCharsets.UTF_8);
            Matcher l = LISTENING.matcher(text);
            Matcher f = FINGERPRINT.matcher(text);
            if (l.find() && f.find()) {
                return new AgentProcess(agent, output, l.group(1) + ":" + l.group(2), f.group(1));
            }
            if (!agent.isAlive()) {
                throw new AssertionError("the agent ended with status " + agent.exitValue() + ":\n" + text);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the agent did not start in 60 s:\n" + Files.readString(output));
    }

    /** Kills it and its boot child at once, as a power cut would. */
    void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
}
