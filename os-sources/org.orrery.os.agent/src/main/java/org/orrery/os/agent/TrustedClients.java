// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.orrery.os.agent.internal.tls.Fingerprints;

/**
 * The board's list of authorised client keys, {@code DIR/trust/clients}: one line per key,
 * {@code FINGERPRINT ROLES NAME} (roles comma-separated, the name the rest of the line), {@code #} comments.
 * Read on every connection, so an authorisation takes effect without restarting the agent; a running agent also
 * watches it, and a key taken off the list, or left with fewer roles, loses its open sessions.
 */
public final class TrustedClients {

    /** One authorised key. */
    public record Client(String fingerprint, Set<Role> roles, String name) {
        public Client {
            roles = Set.copyOf(roles);
        }

        String line() {
            return fingerprint + " " + roles.stream().sorted().map(Role::label).collect(Collectors.joining(",")) + " " + name;
        }
    }

    private final Path file;

    public TrustedClients(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Every authorised key; an absent file authorises nobody. */
    public List<Client> read() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Client> clients = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+", 3);
            String where = file + ":" + (i + 1) + ": ";
            if (f.length < 3) {
                throw new IOException(where + "expected FINGERPRINT ROLES NAME");
            }
            if (!Fingerprints.isWellFormed(f[0])) {
                throw new IOException(where + "'" + f[0] + "' is not a key fingerprint (SHA256:<43 base64 characters>)");
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String r : f[1].split(",")) {
                try {
                    roles.add(Role.ofLabel(r));
                } catch (IllegalArgumentException e) {
                    throw new IOException(where + e.getMessage());
                }
            }
            clients.add(new Client(f[0], roles, f[2]));
        }
        return clients;
    }

    public Optional<Client> find(String fingerprint) throws IOException {
        return read().stream().filter(c -> c.fingerprint().equals(fingerprint)).findFirst();
    }

    /** Adds the key, or replaces its roles and name when it is already listed; the file is rewritten atomically. */
    public void put(Client client) throws IOException {
        if (!Fingerprints.isWellFormed(client.fingerprint())) {
            throw new IllegalArgumentException("'" + client.fingerprint()
                    + "' is not a key fingerprint (SHA256:<43 base64 characters>, as `orrery boards whoami` prints)");
        }
        if (client.roles().isEmpty()) {
            throw new IllegalArgumentException("a client needs at least one role (" + Role.labels() + ")");
        }
        if (client.name().isBlank() || client.name().strip().length() != client.name().length()
                || client.name().chars().anyMatch(ch -> ch == '\n' || ch == '\r')) {
            throw new IllegalArgumentException("client name '" + client.name()
                    + "' must be one line without leading or trailing blanks");
        }
        rewrite(client.fingerprint(), client);
    }

    /**
     * Takes the key off the list (a running agent ends its open sessions, see {@code TrustWatch}); false when it was
     * not listed.
     */
    public boolean remove(String fingerprint) throws IOException {
        if (read().stream().noneMatch(c -> c.fingerprint().equals(fingerprint))) {
            return false;
        }
        rewrite(fingerprint, null);
        return true;
    }

    /** Writes the list without {@code fingerprint}'s line, then {@code added} if any; atomically. */
    private void rewrite(String fingerprint, Client added) throws IOException {
        List<String> out = new ArrayList<>();
        out.add("# fingerprint roles name -- keys allowed to talk to this board (orrery agent authorize)");
        for (Client c : read()) {
            if (!c.fingerprint().equals(fingerprint)) {
                out.add(c.line());
            }
        }
        if (added != null) {
            out.add(added.line());
        }
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "clients", ".tmp");
        Files.write(tmp, out, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
