// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.slots.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.orrery.os.config.Limits;

/**
 * One booted image: a child JVM running {@link BootMain}, whose stdout lines go to a listener on a reader
 * thread, followed by one {@code exit} notice when it ends. Closing it closes the child's stdin (it stops
 * itself) and kills it if it does not.
 */
public final class BoardProcess implements AutoCloseable {

    private final Process process;
    private final Thread reader;
    private final ChildRequests requests;
    private volatile boolean closing;

    /** What the child said, line by line, then once its exit ({@code asked}: the agent stopped it). */
    public interface Listener {
        void line(BoardProcess from, ChildLine line);

        void exited(BoardProcess from, int status, boolean asked);
    }

    private BoardProcess(Process process, Listener listener) {
        this.process = process;
        this.requests = new ChildRequests(process.getOutputStream());
        this.reader = new Thread(() -> pump(listener), "board-child-" + process.pid());
        this.reader.setDaemon(true);
    }

    /** @param kernel the image's OS module jars by bundle name, run in place of the agent's own */
    public static BoardProcess start(Path image, Path key, String board, List<String> jvmOptions, Path workDir,
            java.util.Map<String, Path> kernel, Listener listener) throws IOException {
        List<String> jvm = new java.util.ArrayList<>(jvmOptions);
        if (board.equals("hosted")) {
            // The hosted board reaches cgroups, shared memory and the scheduler through FFM downcalls.
            jvm.add("--enable-native-access=ALL-UNNAMED");
            // a process of its own, so the board may lock its (small) memory in RAM; with the agent's board settings
            jvm.addAll(Limits.hostedProcessOptions());
        }
        ProcessBuilder pb = new ProcessBuilder(ChildJvm.command(jvm, BootMain.class, kernel, image.toString(),
                key.toString(), board));
        pb.directory(workDir.toFile());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        BoardProcess b = new BoardProcess(pb.start(), listener);
        b.reader.start();
        return b;
    }

    public long pid() {
        return process.pid();
    }

    /**
     * Sends an operator command to the running system ({@link CommandChannel}); the future completes with what the
     * kernel did, or fails with a {@link org.orrery.os.agent.Refusal}.
     */
    public java.util.concurrent.CompletableFuture<String> command(String action, String target, String who) {
        return requests.send(action, target, who);
    }

    private void pump(Listener listener) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                ChildLine l = ChildLine.parse(line);
                if (!requests.answer(l)) {
                    listener.line(this, l);
                }
            }
        } catch (IOException e) {
            // the pipe broke: the child is gone, which waitFor confirms
        }
        requests.ended("the board process ended before it answered");
        int status;
        try {
            status = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        listener.exited(this, status, closing);
    }

    /** Stops the board and waits for the child to be gone (the exit notice may still be on its way). */
    @Override
    public void close() {
        closing = true;
        try {
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the exit notice to have been delivered (after {@link #close()}). */
    public void awaitReader() throws InterruptedException {
        reader.join(5_000);
    }
}
