// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.slots.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.orrery.os.agent.Refusal;
import org.orrery.os.kernel.OperatorDesk;

/**
 * The agent's control channel to its boot child, both ends without a child: the agent's numbered command lines and
 * how each {@code done}/{@code refused} answer completes the command with its number (and nothing else does), what
 * becomes of commands when the child ends or its stdin is gone; the child's refusal of a line that is no command
 * and of an unknown action, and that the end of its stdin stops it. (Commands the kernel applies or refuses are
 * {@code SlotBoardControlTest}'s, on a booted image.)
 */
class CommandChannelTest {

    private static Refusal refusal(CompletableFuture<String> reply) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> reply.get(5, TimeUnit.SECONDS));
        return assertInstanceOf(Refusal.class, e.getCause());
    }

    @Test
    void eachCommandIsOneNumberedLineAndOnlyTheAnswerWithItsNumberCompletesIt() throws Exception {
        ByteArrayOutputStream stdin = new ByteArrayOutputStream();
        ChildRequests requests = new ChildRequests(stdin);
        CompletableFuture<String> stop = requests.send("stop", "app", "alice(SHA256:x)@127.0.0.1");
        CompletableFuture<String> plan = requests.send("switch-plan", "night", "bob\nforged line");
        assertEquals("1 stop app alice(SHA256:x)@127.0.0.1\n2 switch-plan night bob forged line\n",
                stdin.toString(StandardCharsets.UTF_8));

        assertFalse(requests.answer(ChildLine.parse("mode app IDLE")), "an event is the board listener's");
        assertTrue(requests.answer(ChildLine.parse("refused 2 no plan 'night' on this board (plans: main)")));
        Refusal refused = refusal(plan);
        assertEquals("refused", refused.code());
        assertEquals("no plan 'night' on this board (plans: main)", refused.getMessage());
        assertFalse(stop.isDone(), "another command's answer");

        assertTrue(requests.answer(ChildLine.parse("done 1 app IDLE")));
        assertEquals("app IDLE", stop.get(5, TimeUnit.SECONDS));
        assertTrue(requests.answer(ChildLine.parse("done 1 app IDLE")), "an answer nobody waits for is still no event");
    }

    @Test
    void commandsLeftWhenTheChildEndsOrSentToAChildThatIsGoneAreRefusedAsNotRunning() throws Exception {
        ChildRequests requests = new ChildRequests(new ByteArrayOutputStream());
        CompletableFuture<String> pending = requests.send("restart", "nav", "alice");
        requests.ended("the board process ended before it answered");
        Refusal r = refusal(pending);
        assertEquals("not-running", r.code());
        assertEquals("the board process ended before it answered", r.getMessage());

        ChildRequests gone = new ChildRequests(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        });
        r = refusal(gone.send("stop", "nav", "alice"));
        assertEquals("not-running", r.code());
        assertEquals("the board process is gone: Broken pipe", r.getMessage());
    }

    @Test
    void theChildRefusesALineThatIsNoCommandAndAnUnknownActionByTheirNumber() {
        List<String> out = new CopyOnWriteArrayList<>();
        OperatorDesk desk = new OperatorDesk();
        CommandChannel.command("5 stop", desk, out::add);
        CommandChannel.command("6 pause app alice", desk, out::add);
        assertEquals(List.of("refused 5 a command is 'ID ACTION TARGET [WHO]', not '5 stop'",
                "refused 6 unknown action 'pause' (start, stop, restart, switch-plan)"), out);
    }

    @Test
    void theEndOfTheChildsStdinStopsItAfterTheCommandsBeforeIt() throws Exception {
        List<String> out = new CopyOnWriteArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        CommandChannel.start(new ByteArrayInputStream("7 stop\n\n   \n".getBytes(StandardCharsets.UTF_8)),
                new OperatorDesk(), out::add, stopped::countDown);
        assertTrue(stopped.await(5, TimeUnit.SECONDS), "the agent let go of the board: it stops");
        assertEquals(List.of("refused 7 a command is 'ID ACTION TARGET [WHO]', not '7 stop'"), out,
                "blank lines are no commands");
    }
}
