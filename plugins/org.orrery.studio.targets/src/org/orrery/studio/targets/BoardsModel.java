// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.orrery.os.agent.BoardEvent;
import org.orrery.os.agent.BoardStatus;
import org.orrery.os.agent.client.AgentClient;
import org.orrery.os.agent.client.AgentException;
import org.orrery.os.agent.client.BoardRegistry;
import org.orrery.os.agent.client.BoardRegistry.Board;
import org.orrery.os.agent.client.ClientIdentity;
import org.orrery.os.agent.client.OrreryHome;
import org.orrery.os.agent.client.StatusSnapshot;

/**
 * The boards Studio shows: the user's registry (the same file as {@code orrery boards}) plus what each board said
 * at its last contact in this session. Methods that talk to a board block: call them from jobs, not the UI
 * thread. Listeners hear every change (from any thread).
 */
public final class BoardsModel {

    private static BoardsModel user;

    private final Path home;
    private final BoardRegistry registry;
    private final Map<String, BoardRow> contacts = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    /** Boards whose event stream is open, with the session that carries it. */
    private final Map<String, AgentClient> streams = new ConcurrentHashMap<>();
    private ClientIdentity identity;

    public BoardsModel(Path home) {
        this.home = home;
        this.registry = new BoardRegistry(home);
    }

    /** The model over the user's Orrery home ({@code ORRERY_HOME} or {@code ~/.orrery}), shared by all views. */
    public static synchronized BoardsModel ofUser() {
        if (user == null) {
            user = new BoardsModel(OrreryHome.dir());
        }
        return user;
    }

    public BoardRegistry registry() {
        return registry;
    }

    /** This user's key pair, created on first use; boards must authorise its fingerprint. */
    public synchronized ClientIdentity identity() throws IOException {
        if (identity == null) {
            identity = ClientIdentity.loadOrCreate(home);
        }
        return identity;
    }

    public void addListener(Runnable l) {
        listeners.add(l);
    }

    public void removeListener(Runnable l) {
        listeners.remove(l);
    }

    /** Every board of the registry, in its order, with the last contact's outcome. */
    public List<BoardRow> rows() throws IOException {
        return registry.list().stream().map(this::row).toList();
    }

    public BoardRow row(String name) throws IOException {
        return row(registry.get(name));
    }

    private BoardRow row(Board b) {
        BoardRow seen = contacts.get(b.name());
        // The registry is the truth for the entry (another tool may have changed it); the contact only adds status.
        return seen == null || !seen.board().fingerprint().equals(b.fingerprint())
                ? new BoardRow(b, null, null, null)
                : new BoardRow(b, seen.status(), seen.problem(), seen.checked());
    }

    /**
     * First contact: the fingerprint of the key the board at {@code address} presents, trusted by nobody yet. The
     * caller shows it and asks before {@link #add}.
     */
    public String probe(String name, String address) throws IOException {
        return AgentClient.probe(name, resolve(name, address), identity());
    }

    /**
     * Remembers the board with the fingerprint the user accepted, then asks it for its status. The board stays in
     * the registry when that first status fails (the row says why: typically this user's key is not authorised
     * on the board yet).
     */
    public BoardRow add(String name, String address, String fingerprint) throws IOException {
        remember(name, address, fingerprint);
        return refresh(name);
    }

    /** Only the registry part of {@link #add}: no contact (the caller refreshes the board in the background). */
    public void remember(String name, String address, String fingerprint) throws IOException {
        BoardRegistry.parseAddress(address);
        synchronized (registry) {
            registry.add(new Board(name, address, fingerprint, null, null));
        }
        fire();
    }

    public void remove(String name) throws IOException {
        unfollow(name);
        synchronized (registry) {
            registry.remove(name);
        }
        contacts.remove(name);
        fire();
    }

    /** Renames the board in the registry ({@code orrery boards rename}); its contact and event stream go with it. */
    public void rename(String oldName, String newName) throws IOException {
        synchronized (registry) {
            registry.rename(oldName, newName);
        }
        BoardRow seen = contacts.remove(oldName);
        if (seen != null) {
            contacts.put(newName, new BoardRow(registry.get(newName), seen.status(), seen.problem(), seen.checked()));
        }
        unfollow(oldName); // the stream's callbacks name the board: follow it again under its new name
        fire();
    }

    /**
     * Follows the board's event stream (a session of its own; the {@code monitor} role, as {@code orrery monitor}):
     * the row takes the status the board sends on subscribing, and every slot event (install, boot, confirmation,
     * rollback) asks the board for its status again at once, so the row follows the board without waiting for a
     * poll. Nothing happens when the stream is open already. A board that cannot be followed keeps its problem on the
     * row; when the stream drops, {@link #live} turns false and the caller's polling takes over.
     */
    public void follow(String name) throws IOException {
        if (streams.containsKey(name)) {
            return;
        }
        Board b = registry.get(name);
        Instant now = Instant.now();
        AgentClient c = null;
        try {
            c = AgentClient.connect(b.name(), resolve(name, b.address()), b.fingerprint(), identity());
            AgentClient client = c;
            AtomicBoolean ended = new AtomicBoolean();
            BoardStatus s = c.subscribe(e -> {
                if (e.kind() == BoardEvent.Kind.SLOT && streams.get(name) == client) {
                    Thread.ofVirtual().name("orrery-board-refresh-" + name).start(() -> refreshQuietly(name));
                }
            }, why -> {
                ended.set(true);
                if (streams.remove(name, client)) {
                    client.close();
                    fire();
                }
            });
            if (streams.putIfAbsent(name, c) != null) {
                c.close(); // another caller opened one meanwhile
                return;
            }
            if (ended.get()) {
                streams.remove(name, c); // it ended before it was recorded
            }
            seen(b, s, now);
        } catch (AgentException e) {
            if (c != null) {
                c.close();
            }
            contacts.put(name, new BoardRow(b, null, e.getMessage(), now));
        }
        fire();
    }

    /** True while the board's event stream is open. */
    public boolean live(String name) {
        return streams.containsKey(name);
    }

    /** Closes the board's event stream, if open. */
    public void unfollow(String name) {
        AgentClient c = streams.remove(name);
        if (c != null) {
            c.close();
            fire();
        }
    }

    /** Closes every event stream (the view that wanted them closed). */
    public void unfollowAll() {
        for (String name : List.copyOf(streams.keySet())) {
            unfollow(name);
        }
    }

    private void refreshQuietly(String name) {
        try {
            if (registry.find(name).isPresent()) {
                refresh(name);
            }
        } catch (IOException e) {
            // an unreadable registry: the next poll reports it on the view
        }
    }

    /** Opens an authenticated session with the board, pinned to the fingerprint the registry knows. */
    public AgentClient connect(String name) throws IOException {
        Board b = registry.get(name);
        return AgentClient.connect(b.name(), resolve(name, b.address()), b.fingerprint(), identity());
    }

    /**
     * Asks the board for its status; on success the registry's last seen and snapshot follow (so {@code orrery
     * boards list} shows what Studio saw). A failure is recorded on the row, not thrown.
     */
    public BoardRow refresh(String name) throws IOException {
        Board b = registry.get(name);
        Instant now = Instant.now();
        BoardRow row;
        try (AgentClient c = AgentClient.connect(b.name(), resolve(name, b.address()), b.fingerprint(), identity())) {
            row = seen(b, c.status(), now);
        } catch (AgentException e) {
            row = new BoardRow(b, null, e.getMessage(), now);
            contacts.put(name, row);
        }
        fire();
        return row;
    }

    /** What the board said: the registry's last seen and snapshot follow (so {@code orrery boards list} shows it). */
    private BoardRow seen(Board b, BoardStatus s, Instant now) throws IOException {
        Board seen = b.seen(now, StatusSnapshot.of(s));
        synchronized (registry) {
            // renamed or removed meanwhile: keep what the user did
            if (registry.find(b.name()).isPresent()) {
                registry.update(seen);
            }
        }
        BoardRow row = new BoardRow(seen, s, null, now);
        contacts.put(b.name(), row);
        return row;
    }

    /**
     * The registry keeps addresses as typed ({@link BoardRegistry#parseAddress} leaves them unresolved, and a socket
     * cannot connect to an unresolved address): look the host up at each contact, so a board that moved is found.
     */
    private static InetSocketAddress resolve(String board, String address) throws AgentException {
        InetSocketAddress typed = BoardRegistry.parseAddress(address);
        InetSocketAddress resolved = new InetSocketAddress(typed.getHostString(), typed.getPort());
        if (resolved.isUnresolved()) {
            throw new AgentException("unreachable", "board " + board + ": cannot resolve host " + typed.getHostString());
        }
        return resolved;
    }

    /** Refreshes every board; one unreachable board does not stop the others. */
    public void refreshAll() throws IOException {
        for (Board b : registry.list()) {
            refresh(b.name());
        }
    }

    private void fire() {
        for (Runnable l : listeners) {
            l.run();
        }
    }
}
