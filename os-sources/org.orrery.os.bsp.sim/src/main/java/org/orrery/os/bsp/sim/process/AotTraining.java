// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim.process;

import java.io.File;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.orrery.os.partition.wire.Frame;
import org.orrery.os.partition.wire.Wire;

/**
 * One training JVM that makes a partition runtime's AOT cache: started as a partition JVM is (with
 * {@code -XX:AOTCacheOutput}), it says hello to a socket of ours; we close it, the runtime's serve loop ends, the JVM
 * halts and writes the cache while it exits (JDK 25's one-step creation: it assembles the cache in a child JVM it
 * waits for). Its output goes to {@code training.log} in the folder, kept when the training fails.
 */
public final class AotTraining {
    /** Training files are named {@code training-<pid of the board process>.<aot|sock|jar>}. */
    private static final String PREFIX = "training-";
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** An empty jar (an end-of-central-directory record only): the training JVM's application has no classes. */
    private static final byte[] EMPTY_JAR = {0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0};

    /** A partition JVM's command with extra JVM options, for a class path, a socket and an application jar. */
    public interface Command {
        List<String> of(List<String> jvmOptions, String classPath, Path socket, Path appJar);
    }

    /** Reads a training JVM's hello from its connection; throws when what it sent is not one. */
    public interface Hello {
        void read(SocketChannel connection) throws IOException;

        /** The partition runtime's: a {@link Frame#HELLO} frame of its wire. */
        Hello WIRE = c -> {
            Frame hello = new Wire(Channels.newInputStream(c), Channels.newOutputStream(c), null).read();
            if (hello.type() != Frame.HELLO) {
                throw new IOException("the training JVM did not say hello");
            }
        };
    }

    private AotTraining() {
    }

    /** Runs the training JVM in {@code dir}; returns the cache it wrote there (the caller moves it into place). */
    static Path run(Command command, Hello greeting, Path dir, String classPath) throws IOException {
        removeStale(dir);
        long pid = ProcessHandle.current().pid();
        Path out = dir.resolve(PREFIX + pid + ".aot");
        Path socket = dir.resolve(PREFIX + pid + ".sock");
        Path app = dir.resolve(PREFIX + pid + ".jar");
        Path log = dir.resolve("training.log");
        Process p = null;
        boolean made = false;
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            Files.deleteIfExists(socket);
            server.bind(UnixDomainSocketAddress.of(socket));
            Files.write(app, EMPTY_JAR);
            ProcessBuilder pb = new ProcessBuilder(command.of(List.of("-XX:AOTCacheOutput=" + out), classPath,
                    socket, app));
            pb.directory(dir.toFile());
            pb.environment().clear();
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            pb.redirectErrorStream(true);
            p = pb.start();
            long deadline = System.nanoTime() + TIMEOUT_NANOS;
            hello(server, p, deadline, log, greeting);
            long left = Math.max(0, deadline - System.nanoTime());
            if (!p.waitFor(left, TimeUnit.NANOSECONDS) || p.exitValue() != 0 || !Files.isRegularFile(out)) {
                throw new IOException("the training JVM did not write its cache (see " + log + ")");
            }
            Files.deleteIfExists(log);
            made = true;
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the training JVM ran", e);
        } finally {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
            if (!made) {
                RuntimeCache.deleteQuietly(out);
            }
            RuntimeCache.deleteQuietly(socket);
            RuntimeCache.deleteQuietly(app);
        }
    }

    /** Files of trainings whose board process is gone (killed with -9 while it trained: a power cut of the agent). */
    static void removeStale(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                int dot = name.indexOf('.');
                if (name.startsWith(PREFIX) && dot > PREFIX.length()) {
                    try {
                        if (ProcessHandle.of(Long.parseLong(name.substring(PREFIX.length(), dot))).isEmpty()) {
                            RuntimeCache.deleteQuietly(f);
                        }
                    } catch (NumberFormatException e) {
                        // not a training file of ours
                    }
                }
            }
        } catch (IOException e) {
            // listed again at the next training
        }
    }

    /** Waits for the training JVM's hello and closes its connection, which ends it. */
    private static void hello(ServerSocketChannel server, Process p, long deadline, Path log, Hello greeting)
            throws IOException, InterruptedException {
        server.configureBlocking(false);
        SocketChannel ch;
        while ((ch = server.accept()) == null) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("the training JVM did not connect (see " + log + ")");
            }
            Thread.sleep(1);
        }
        try (SocketChannel c = ch) {
            c.configureBlocking(true);
            greeting.read(c);
        }
    }
}
