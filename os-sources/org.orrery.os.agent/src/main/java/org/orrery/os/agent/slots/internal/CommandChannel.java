// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.slots.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.orrery.os.kernel.OperatorDesk;

/**
 * The boot child's stdin: one operator command per line, {@code ID ACTION TARGET WHO...} ({@code ACTION} one of
 * {@code start}, {@code stop}, {@code restart}, {@code switch-plan}; {@code TARGET} a partition or plan name;
 * {@code WHO} the client that asked, for the console). Each command goes to the kernel's {@link OperatorDesk};
 * the kernel's answer comes back as a {@code done ID ...} or {@code refused ID ...} {@link ChildLine}. The end of
 * stdin still means what it always meant: the agent let go of this board, stop now.
 */
final class CommandChannel {

    private CommandChannel() {
    }

    /** Reads {@code in} on a daemon thread until it ends, then runs {@code closed}. */
    static void start(InputStream in, OperatorDesk desk, Consumer<String> out, Runnable closed) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (!line.isBlank()) {
                        command(line.strip(), desk, out);
                    }
                }
            } catch (IOException e) {
                // the same as the end: the agent is gone
            }
            closed.run();
        }, "agent-commands");
        t.setDaemon(true);
        t.start();
    }

    static void command(String line, OperatorDesk desk, Consumer<String> out) {
        String[] w = line.split(" ", 4);
        if (w.length < 3) {
            out.accept(ChildLine.refused(w[0], "a command is 'ID ACTION TARGET [WHO]', not '" + line + "'"));
            return;
        }
        String id = w[0];
        OperatorDesk.Action action;
        try {
            action = OperatorDesk.Action.ofWord(w[1]);
        } catch (IllegalArgumentException e) {
            out.accept(ChildLine.refused(id, e.getMessage()));
            return;
        }
        desk.submit(action, w[2], w.length > 3 ? w[3] : "agent").thenAccept(o ->
                out.accept(o.done() ? ChildLine.done(id, o.text()) : ChildLine.refused(id, o.text())));
    }
}
