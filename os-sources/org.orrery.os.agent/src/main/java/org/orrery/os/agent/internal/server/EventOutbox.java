// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.internal.server;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.orrery.os.agent.BoardEvent;
import org.orrery.os.agent.internal.wire.Message;

/**
 * A subscribed session's board events on their way to its client. A board publishes on its own thread, under its
 * own lock, so it only hands each event over here and a thread of the session writes them: a client that stops
 * reading would otherwise hold up the board's events, installs and trials for everybody. Such a client falls
 * behind instead, and once {@link #CAPACITY} events wait for it the session is told to end.
 */
final class EventOutbox implements AutoCloseable {

    /** Events a client may leave unread: a busy moment of a large system, well beyond a slow screen's pause. */
    static final int CAPACITY = 1024;

    interface Sender {
        void send(Message m) throws IOException;
    }

    private final BlockingQueue<BoardEvent> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Sender sender;
    private final Runnable fellBehind;
    private final AtomicBoolean done = new AtomicBoolean();
    private final Thread writer;

    /** @param fellBehind run once, on the board's thread, when the queue is full; it must not wait for the client */
    EventOutbox(String client, Sender sender, Runnable fellBehind) {
        this.sender = sender;
        this.fellBehind = fellBehind;
        // A platform thread: its writes block inside the session's lock, and before JDK 24 a virtual thread blocked
        // there pins its carrier; two stalled clients would then stop every virtual thread of an agent on JDK 21.
        this.writer = Thread.ofPlatform().daemon().name("orrery-agent-events-" + client).start(this::write);
    }

    /** Takes the board's event without ever waiting. */
    void offer(BoardEvent e) {
        if (!done.get() && !queue.offer(e) && done.compareAndSet(false, true)) {
            fellBehind.run();
        }
    }

    private void write() {
        try {
            while (!done.get()) {
                sender.send(new Message.Event(queue.take()));
            }
        } catch (InterruptedException | IOException | RuntimeException e) {
            // closed with the session, or its client is gone: the session's reader ends it
        } finally {
            done.set(true); // a client gone is not one that fell behind
        }
    }

    @Override
    public void close() {
        done.set(true);
        writer.interrupt();
    }
}
