// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.slots.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.orrery.os.agent.BoardEvent;

/** Hands board events to whoever subscribed; a subscriber that throws loses that event, nobody else does. */
public final class EventHub {

    private final List<Consumer<BoardEvent>> listeners = new CopyOnWriteArrayList<>();

    public AutoCloseable subscribe(Consumer<BoardEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void publish(BoardEvent.Kind kind, String text) {
        BoardEvent e = new BoardEvent(System.currentTimeMillis(), kind, text);
        for (Consumer<BoardEvent> l : listeners) {
            try {
                l.accept(e);
            } catch (RuntimeException ex) {
                // one broken subscriber must not stop the board or the others
            }
        }
    }
}
