// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.watchdog.internal;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.orrery.os.bsp.hosted.watchdog.WatchdogProtocol;

/**
 * The supervisor's end of the kick channel: a Unix domain socket in a private folder, at most one kernel
 * connection at a time, read without blocking from one selector that the supervisor loop also uses to sleep
 * until its next deadline.
 *
 * <p>The socket is 0600 inside a 0700 folder: the folder closes the window between bind(2) creating the socket
 * with the umask's permissions and the chmod that follows, so no other user can ever connect and kick.
 */
public final class KickSocket implements AutoCloseable {
    /** {@link #poll} result bits. */
    public static final int KICKED = 1;
    public static final int CLEAN_STOP = 2;

    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private final Path socket;
    private final Path createdFolder;
    private final ServerSocketChannel server;
    private final Selector selector;
    private final ByteBuffer in = ByteBuffer.allocateDirect(256);
    private SocketChannel kernel;

    private KickSocket(Path socket, Path createdFolder, ServerSocketChannel server, Selector selector) {
        this.socket = socket;
        this.createdFolder = createdFolder;
        this.server = server;
        this.selector = selector;
    }

    /**
     * Creates the socket, and its folder (0700) when that does not exist yet.
     *
     * @throws IOException one line naming the socket or folder
     */
    public static KickSocket bind(Path socket) throws IOException {
        Path path = socket.toAbsolutePath();
        Path folder = path.getParent();
        Path created = null;
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            Files.setPosixFilePermissions(folder, OWNER_ONLY_DIR); // the umask may have narrowed, never widened
            created = folder;
        } else {
            requirePrivate(folder);
        }
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            int mode = (int) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            if ((mode & S_IFMT) != S_IFSOCK) {
                throw new IOException("--socket " + path + " exists and is not a socket; give a path that does not exist");
            }
            Files.delete(path); // left behind by a supervisor that was killed; the private folder makes it ours
        }
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(path));
            Files.setPosixFilePermissions(path, OWNER_ONLY_FILE);
            server.configureBlocking(false);
            Selector selector = Selector.open();
            server.register(selector, SelectionKey.OP_ACCEPT);
            return new KickSocket(path, created, server, selector);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw new IOException("--socket " + path + ": cannot create the socket (" + e.getMessage() + ")", e);
        }
    }

    private static void requirePrivate(Path folder) throws IOException {
        int owner = (int) Files.getAttribute(folder, "unix:uid");
        int self = (int) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(folder);
        if (owner != self || !OWNER_ONLY_DIR.containsAll(perms)) {
            throw new IOException("--socket folder " + folder + " is not private (" + PosixFilePermissions.toString(perms)
                    + ", uid " + owner + "); use a folder only you can open, or one that does not exist yet");
        }
    }

    /** The socket's absolute path, what the kernel gets in its environment. */
    public Path path() {
        return socket;
    }

    /**
     * Forgets the previous kernel before a new one starts: closes its connection and refuses connections it
     * left in the backlog, so the new kernel's connection is the one that counts.
     */
    public void newBoot() throws IOException {
        if (kernel != null) {
            kernel.close();
            kernel = null;
        }
        SocketChannel stale;
        while ((stale = server.accept()) != null) {
            stale.close();
        }
        selector.selectNow();
        selector.selectedKeys().clear();
    }

    /**
     * Waits up to {@code timeoutNanos} (0 or less: only looks) for the kernel to connect or send, or for
     * {@link #wakeup()}.
     *
     * @return {@link #KICKED} and/or {@link #CLEAN_STOP} bits for what arrived
     */
    public int poll(long timeoutNanos) throws IOException {
        if (timeoutNanos <= 0) {
            selector.selectNow();
        } else {
            selector.select(Math.max(1, (timeoutNanos + 999_999) / 1_000_000));
        }
        int events = 0;
        for (SelectionKey key : selector.selectedKeys()) {
            if (key.isValid() && key.isAcceptable()) {
                accept();
            }
            if (key.isValid() && key.isReadable()) {
                events |= read();
            }
        }
        selector.selectedKeys().clear();
        return events;
    }

    private void accept() throws IOException {
        SocketChannel ch;
        while ((ch = server.accept()) != null) {
            if (kernel == null) {
                kernel = ch;
                kernel.configureBlocking(false);
                kernel.register(selector, SelectionKey.OP_READ);
            } else {
                ch.close(); // one kicker per boot: a second connection cannot vouch for the kernel
            }
        }
    }

    private int read() throws IOException {
        int events = 0;
        while (true) {
            in.clear();
            int n;
            try {
                n = kernel.read(in);
            } catch (IOException e) {
                n = -1; // reset by a dying kernel: same as end of stream
            }
            if (n <= 0) {
                if (n < 0) {
                    // the kernel closed its end: no more kicks from this connection; a reconnect may replace it
                    kernel.close();
                    kernel = null;
                }
                return events;
            }
            for (int i = 0; i < n; i++) {
                byte b = in.get(i);
                if (b == WatchdogProtocol.KICK) {
                    events |= KICKED;
                } else if (b == WatchdogProtocol.CLEAN_STOP) {
                    events |= CLEAN_STOP;
                }
            }
        }
    }

    /** Makes a sleeping {@link #poll} return now (the kernel exited, or the supervisor is asked to stop). */
    public void wakeup() {
        selector.wakeup();
    }

    @Override
    public void close() throws IOException {
        try (selector; server) {
            if (kernel != null) {
                kernel.close();
            }
        } finally {
            Files.deleteIfExists(socket);
            if (createdFolder != null) {
                Files.deleteIfExists(createdFolder);
            }
        }
    }
}
