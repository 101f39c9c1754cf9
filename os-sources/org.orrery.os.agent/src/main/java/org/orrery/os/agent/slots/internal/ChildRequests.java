// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.slots.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.orrery.os.agent.Refusal;

/**
 * The agent's side of the boot child's command channel ({@link CommandChannel}): numbers each command, writes it
 * to the child's stdin and completes its future when the child's {@code done}/{@code refused} line with that
 * number comes back.
 */
final class ChildRequests {

    private final OutputStream stdin;
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, CompletableFuture<String>> pending = new ConcurrentHashMap<>();

    ChildRequests(OutputStream stdin) {
        this.stdin = stdin;
    }

    /** Sends one command; the future fails with a {@link Refusal} when the kernel refuses it or the child ends. */
    CompletableFuture<String> send(String action, String target, String who) {
        String id = Long.toString(ids.incrementAndGet());
        CompletableFuture<String> reply = new CompletableFuture<>();
        pending.put(id, reply);
        String line = id + " " + action + " " + target + " " + who.replace('\n', ' ') + "\n";
        try {
            synchronized (stdin) {
                stdin.write(line.getBytes(StandardCharsets.UTF_8));
                stdin.flush();
            }
        } catch (IOException e) {
            pending.remove(id);
            reply.completeExceptionally(new Refusal("not-running", "the board process is gone: " + e.getMessage()));
        }
        return reply;
    }

    /** True when {@code line} answered a command (and so is not for the board's listener). */
    boolean answer(ChildLine line) {
        boolean done = line.kind().equals("done");
        if (!done && !line.kind().equals("refused")) {
            return false;
        }
        int sp = line.rest().indexOf(' ');
        String id = sp < 0 ? line.rest() : line.rest().substring(0, sp);
        String text = sp < 0 ? "" : line.rest().substring(sp + 1);
        CompletableFuture<String> reply = pending.remove(id);
        if (reply != null) {
            if (done) {
                reply.complete(text);
            } else {
                reply.completeExceptionally(new Refusal("refused", text));
            }
        }
        return true;
    }

    /** The child ended: no answer will come. */
    void ended(String why) {
        for (var e : pending.entrySet()) {
            if (pending.remove(e.getKey()) != null) {
                e.getValue().completeExceptionally(new Refusal("not-running", why));
            }
        }
    }
}
