// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.internal.server;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.orrery.os.agent.AuditLog;
import org.orrery.os.agent.Role;
import org.orrery.os.agent.TrustedClients;

/**
 * Keeps open sessions to the clients file. A session is let in by its key's line at the handshake and may last for
 * hours (a monitor, a live trace, a debug tunnel); when the line goes, or loses a role the session had, the session
 * ends within one look at the file, so taking a key off a board takes it off at once and not at its next connection.
 * A file that cannot be read ends every session, as it refuses every handshake.
 */
public final class TrustWatch implements AutoCloseable {

    /** How often the file is looked at: a stat when nothing changed. */
    public static final Duration PERIOD = Duration.ofSeconds(1);

    private final TrustedClients clients;
    private final Map<Socket, TrustedClients.Client> sessions;
    private final AuditLog log;
    private final Thread thread;
    /** What the file looked like when last read: modification time, size and file key; null before. */
    private List<Object> seen;

    /** @param sessions the server's open sessions with the line each was let in by; entries may come and go */
    public TrustWatch(TrustedClients clients, Map<Socket, TrustedClients.Client> sessions, AuditLog log) {
        this.clients = clients;
        this.sessions = sessions;
        this.log = log;
        this.seen = stamp();
        this.thread = Thread.ofPlatform().daemon().name("orrery-agent-trust").start(this::run);
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(PERIOD);
            } catch (InterruptedException e) {
                return;
            }
            look();
        }
    }

    private synchronized void look() {
        List<Object> now = stamp();
        if (!Objects.equals(now, seen)) {
            seen = now;
            check();
        }
    }

    /**
     * Adds a session whose handshake presented {@code key}, with the key's line as the file has it now; empty (and
     * not added) when the key is no longer listed. Read here rather than taken from the handshake: a change made
     * since then may already have been looked at, before the session was here to be ended, and one made after this
     * reading changes the file the next look compares.
     */
    public synchronized Optional<TrustedClients.Client> admit(Socket s, String key) throws IOException {
        Optional<TrustedClients.Client> client = clients.find(key);
        client.ifPresent(c -> sessions.put(s, c));
        return client;
    }

    /** Ends each session whose key is no longer listed or lost a role it had. */
    private void check() {
        Map<String, TrustedClients.Client> listed;
        String unreadable = null;
        try {
            listed = clients.read().stream().collect(Collectors.toMap(TrustedClients.Client::fingerprint, c -> c,
                    (a, b) -> a));
        } catch (IOException e) {
            listed = Map.of();
            unreadable = e.getMessage();
        }
        for (Map.Entry<Socket, TrustedClients.Client> s : sessions.entrySet()) {
            TrustedClients.Client was = s.getValue();
            Optional<TrustedClients.Client> is = Optional.ofNullable(listed.get(was.fingerprint()));
            String why = unreadable != null ? clients.file() + " cannot be read: " + unreadable
                    : is.isEmpty() ? "its key was taken off " + clients.file()
                    : !is.get().roles().containsAll(was.roles()) ? "its roles are now " + labels(is.get())
                    : null;
            if (why != null && sessions.remove(s.getKey()) != null) {
                log.record(was.name() + "(" + was.fingerprint() + ")@" + s.getKey().getInetAddress().getHostAddress(),
                        "session", "ended: " + why);
                try {
                    s.getKey().close();
                } catch (IOException e) {
                    // gone already
                }
            }
        }
    }

    private static String labels(TrustedClients.Client c) {
        return c.roles().stream().sorted().map(Role::label).collect(Collectors.joining(","));
    }

    /** The file's modification time, size and identity (a rewrite moves a new file in); empty when it is absent. */
    private List<Object> stamp() {
        try {
            BasicFileAttributes a = Files.readAttributes(clients.file(), BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return List.of(a.lastModifiedTime(), a.size(), String.valueOf(a.fileKey()));
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            return List.of(e.toString());
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
