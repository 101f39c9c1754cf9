// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.server;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The thin side of {@code orrery check} when a {@link CompileServer} is warm: sends the arguments, copies the
 * server's stdout and stderr bytes to its own, exits with the server's exit code. Kept to JDK classes (no
 * picocli, no Xtext) so its JVM starts like a hello-world. Exits {@link #NOT_SERVED} when no server answered
 * before any output, so the launcher may start one or run the command itself with nothing printed twice.
 *
 * <p>Usage: {@code ServerClient SOCKET WAIT_SECONDS ARGS...}; with WAIT_SECONDS &gt; 0 it waits that long for a
 * server that is starting.
 */
public final class ServerClient {

    /** No server took the request; nothing was printed. */
    public static final int NOT_SERVED = 111;

    private ServerClient() {
    }

    public static void main(String[] argv) {
        if (argv.length < 2) {
            System.err.println("usage: ServerClient SOCKET WAIT_SECONDS ARGS...");
            System.exit(2);
        }
        Path socket = Path.of(argv[0]);
        long waitMillis = (long) (Double.parseDouble(argv[1]) * 1000);
        List<String> args = Arrays.asList(argv).subList(2, argv.length);
        System.exit(run(socket, waitMillis, args, System.out, System.err));
    }

    static int run(Path socket, long waitMillis, List<String> args, PrintStream out, PrintStream err) {
        SocketChannel ch = connect(socket, waitMillis);
        if (ch == null) {
            return NOT_SERVED;
        }
        boolean printed = false;
        try (ch) {
            DataOutputStream req = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(ch)));
            Protocol.writeRequest(req, System.getProperty("user.dir"), args);
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(ch), 1 << 16));
            byte[] buf = new byte[8192];
            while (true) {
                byte kind = in.readByte();
                if (kind == Protocol.EXIT) {
                    out.flush();
                    err.flush();
                    return in.readInt();
                }
                PrintStream to = kind == Protocol.OUT ? out : err;
                int len = in.readInt();
                while (len > 0) {
                    int n = in.read(buf, 0, Math.min(buf.length, len));
                    if (n < 0) {
                        throw new EOFException();
                    }
                    to.write(buf, 0, n);
                    len -= n;
                    printed = true;
                }
                to.flush();
            }
        } catch (IOException e) {
            if (!printed) {
                // The server went away before saying anything (it was stopping when we connected): not served.
                return NOT_SERVED;
            }
            err.println("orrery: the compile server stopped in the middle of the command (" + e
                    + "); run it again, or with ORRERY_SERVER=0 to check in this process");
            return 1;
        }
    }

    private static SocketChannel connect(Path socket, long waitMillis) {
        long deadline = System.nanoTime() + waitMillis * 1_000_000L;
        // The launcher names the server it just started: once that process is gone (it refused its folder, another
        // server holds the lock and has stopped, bad JVM options) there is nothing left to wait for.
        String starting = System.getProperty("orrery.server.pid");
        ProcessHandle server = starting == null ? null : ProcessHandle.of(Long.parseLong(starting)).orElse(null);
        while (true) {
            try {
                SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
                try {
                    ch.connect(UnixDomainSocketAddress.of(socket));
                    return ch;
                } catch (IOException e) {
                    ch.close();
                }
            } catch (IOException e) {
                return null;
            }
            if (System.nanoTime() >= deadline || (starting != null && (server == null || !server.isAlive()))) {
                return null;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }
}
