// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.orrery.os.agent.internal.tls.Fingerprints;

/**
 * The boards a user works with, {@code HOME/boards}: one tab-separated line per board (name, address,
 * fingerprint, last seen, last status snapshot), rewritten atomically on every change so a crash leaves the old
 * or the new file, never half of one. The CLI and Studio share it.
 */
public final class BoardRegistry {

    /** One known board. {@code lastSeen} and {@code snapshot} are null until the first successful contact. */
    public record Board(String name, String address, String fingerprint, Instant lastSeen, String snapshot) {

        /** The address, its host name resolved now (boards may move between DHCP leases). */
        public InetSocketAddress socketAddress() {
            return resolve(address);
        }

        public Board seen(Instant when, String snapshot) {
            return new Board(name, address, fingerprint, when, snapshot);
        }
    }

    public static final String FILE = "boards";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Path file;

    public BoardRegistry(Path home) {
        this.file = home.resolve(FILE);
    }

    public Path file() {
        return file;
    }

    /** The user's registry, in {@link OrreryHome#dir()}. */
    public static BoardRegistry ofUser() {
        return new BoardRegistry(OrreryHome.dir());
    }

    public List<Board> list() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Board> boards = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            String where = file + ":" + (i + 1) + ": ";
            if (f.length != 5) {
                throw new IOException(where + "expected 5 tab-separated fields (name, address, fingerprint, last seen, status)");
            }
            Instant seen;
            try {
                seen = f[3].equals("-") ? null : Instant.parse(f[3]);
            } catch (DateTimeParseException e) {
                throw new IOException(where + "last seen '" + f[3] + "' is not an ISO instant");
            }
            if (!Fingerprints.isWellFormed(f[2])) {
                throw new IOException(where + "'" + f[2] + "' is not a key fingerprint");
            }
            boards.add(new Board(f[0], f[1], f[2], seen, f[4].equals("-") ? null : f[4]));
        }
        return boards;
    }

    public Optional<Board> find(String name) throws IOException {
        return list().stream().filter(b -> b.name().equals(name)).findFirst();
    }

    /** The board called {@code name}, or an exception saying which boards there are. */
    public Board get(String name) throws IOException {
        Optional<Board> b = find(name);
        if (b.isEmpty()) {
            List<String> names = list().stream().map(Board::name).toList();
            throw new AgentException("unknown-board", "no board named '" + name + "' in " + file
                    + (names.isEmpty() ? " (none yet: `orrery boards add NAME HOST:PORT`)" : " (boards: " + String.join(", ", names) + ")"));
        }
        return b.get();
    }

    public void add(Board board) throws IOException {
        checkName(board.name());
        parseAddress(board.address());
        if (!Fingerprints.isWellFormed(board.fingerprint())) {
            throw new IllegalArgumentException("'" + board.fingerprint() + "' is not a key fingerprint (SHA256:<43 base64 characters>)");
        }
        List<Board> all = new ArrayList<>(list());
        if (all.stream().anyMatch(b -> b.name().equals(board.name()))) {
            throw new AgentException("exists", "a board named '" + board.name() + "' is already in " + file
                    + " (`orrery boards remove " + board.name() + "` first, or choose another name)");
        }
        all.add(board);
        write(all);
    }

    public void remove(String name) throws IOException {
        get(name);
        write(list().stream().filter(b -> !b.name().equals(name)).toList());
    }

    public void rename(String oldName, String newName) throws IOException {
        checkName(newName);
        Board b = get(oldName);
        if (find(newName).isPresent()) {
            throw new AgentException("exists", "a board named '" + newName + "' is already in " + file);
        }
        write(list().stream().map(x -> x.name().equals(oldName)
                ? new Board(newName, b.address(), b.fingerprint(), b.lastSeen(), b.snapshot()) : x).toList());
    }

    /** Replaces the entry of the same name (last seen and snapshot after a contact). */
    public void update(Board board) throws IOException {
        get(board.name());
        write(list().stream().map(x -> x.name().equals(board.name()) ? board : x).toList());
    }

    private void write(List<Board> boards) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# name\taddress\tfingerprint\tlast seen\tstatus -- written by orrery boards; edit with care");
        for (Board b : boards) {
            lines.add(String.join("\t", b.name(), b.address(), b.fingerprint(),
                    b.lastSeen() == null ? "-" : b.lastSeen().toString(),
                    b.snapshot() == null ? "-" : b.snapshot().replaceAll("[\\t\\r\\n]", " ")));
        }
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), FILE, ".tmp");
        try {
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Refuses a name the registry cannot hold (letters, digits, dot, dash, underscore; 64 at most). */
    public static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("board name '" + name
                    + "' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    /** {@link #parseAddress} with the host name resolved now. */
    public static InetSocketAddress resolve(String address) {
        InetSocketAddress a = parseAddress(address);
        return new InetSocketAddress(a.getHostString(), a.getPort());
    }

    /** {@code HOST:PORT}, the host a name, IPv4 address or bracketed IPv6 address. */
    public static InetSocketAddress parseAddress(String address) {
        int colon = address.lastIndexOf(':');
        String where = "address '" + address + "' ";
        if (colon <= 0 || colon == address.length() - 1) {
            throw new IllegalArgumentException(where + "must be HOST:PORT");
        }
        String host = address.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(where + "has no port between 1 and 65535");
        }
        return InetSocketAddress.createUnresolved(host, port);
    }
}
