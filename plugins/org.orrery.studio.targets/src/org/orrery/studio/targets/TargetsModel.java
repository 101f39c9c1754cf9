// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.orrery.os.agent.client.AgentClient;
import org.orrery.os.agent.client.AgentException;
import org.orrery.studio.targets.internal.BoardWatch;

/**
 * The running boards Studio follows: for each board of the registry its partitions (mode, CPU use per window, HM
 * and console lines) from the board's event stream, and the operator requests (start, stop, restart a partition,
 * switch plan) sent through the same client library as {@code orrery partition} and {@code orrery plan}. Methods
 * that talk to a board block: call them from jobs ({@link WatchJob}, {@link ControlJob}). Listeners hear every change,
 * from any thread, often (each board reports once per major frame per partition): views should coalesce.
 */
public final class TargetsModel {

    private static TargetsModel user;

    private final BoardsModel boards;
    private final Map<String, Watched> watched = new ConcurrentHashMap<>();
    private final Map<String, String> problems = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    private record Watched(AgentClient client, BoardWatch watch) {
    }

    public TargetsModel(BoardsModel boards) {
        this.boards = boards;
    }

    /** The model over the user's board registry, shared by all views. */
    public static synchronized TargetsModel ofUser() {
        if (user == null) {
            user = new TargetsModel(BoardsModel.ofUser());
        }
        return user;
    }

    public BoardsModel boardsModel() {
        return boards;
    }

    public void addListener(Runnable l) {
        listeners.add(l);
    }

    public void removeListener(Runnable l) {
        listeners.remove(l);
    }

    /**
     * Follows the board's events from now on (a session of its own, needing the {@code monitor} role); does nothing
     * when it is followed already. A failure is kept as the board's problem, not thrown.
     */
    public void watch(String board) throws IOException {
        if (watched.containsKey(board)) {
            return;
        }
        BoardWatch w = new BoardWatch(board);
        AgentClient c = null;
        try {
            c = boards.connect(board);
            AgentClient client = c;
            c.subscribe(e -> {
                if (w.accept(e)) {
                    fire();
                }
            }, ended -> {
                if (watched.remove(board, new Watched(client, w))) {
                    problems.put(board, ended == null ? "not followed" : ended.getMessage());
                    fire();
                }
            });
            watched.put(board, new Watched(c, w));
            problems.remove(board);
        } catch (AgentException e) {
            if (c != null) {
                c.close();
            }
            problems.put(board, e.getMessage());
        }
        fire();
    }

    /** Stops following the board (its partitions leave the view). */
    public void unwatch(String board) {
        Watched w = watched.remove(board);
        if (w != null) {
            w.client().close();
        }
        fire();
    }

    /** Stops following every board. */
    public void unwatchAll() {
        for (String b : List.copyOf(watched.keySet())) {
            unwatch(b);
        }
    }

    /** Every board of the registry, in its order. */
    public List<TargetBoard> boards() throws IOException {
        List<TargetBoard> out = new ArrayList<>();
        for (BoardRow r : boards.rows()) {
            Watched w = watched.get(r.name());
            out.add(new TargetBoard(r.name(), w != null, problems.get(r.name()), w == null ? List.of() : w.watch().log()));
        }
        return out;
    }

    /** The partitions the board reported since it is followed, in the order they first appeared. */
    public List<PartitionState> partitions(String board) {
        Watched w = watched.get(board);
        return w == null ? List.of() : w.watch().partitions();
    }

    /**
     * Sends one operator request ({@code action}: start, stop, restart, switch-plan) on a session of its own and
     * waits for the board's answer (needs the board's {@code operate} role).
     *
     * @return what the board did, e.g. "nav IDLE"
     * @throws AgentException with the board's reason when it refused
     */
    public String control(String board, String action, String target) throws IOException {
        try (AgentClient c = boards.connect(board)) {
            String done = c.control(action, target);
            Watched w = watched.get(board);
            if (w != null) {
                w.watch().note(action + " " + target + ": " + done);
                fire();
            }
            return done;
        }
    }

    private void fire() {
        for (Runnable l : listeners) {
            l.run();
        }
    }
}
