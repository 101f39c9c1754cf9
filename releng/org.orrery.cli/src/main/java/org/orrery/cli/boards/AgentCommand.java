// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.boards;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.orrery.cli.HelpCommand;
import org.orrery.cli.OrreryCli;
import org.orrery.os.agent.Agent;
import org.orrery.os.agent.AgentServer;
import org.orrery.os.agent.Role;
import org.orrery.os.agent.slots.SlotBoard;
import org.orrery.os.agent.slots.SlotBoardOptions;
import org.orrery.os.image.SigningKeys;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code orrery agent}: the board side. Plays the bootloader's role over the slot directory (boots the selected
 * slot at start, judges trials, rolls back) and serves authenticated clients until stopped.
 */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = {"Run the board agent: boot the selected slot of DIR on the board, serve authenticated clients "
                + "(mutual TLS 1.3, pinned keys) on HOST:PORT until stopped. The board's key pair is created on first "
                + "start and its fingerprint printed; clients are let in with `orrery agent authorize`."},
        subcommands = {HelpCommand.class, AgentCommand.Authorize.class, AgentCommand.Revoke.class})
public final class AgentCommand implements Callable<Integer> {

    /** Where a board keeps the public keys images must be signed with; one PEM file per key. */
    static final String SIGNERS_DIR = "trust/signers";

    @Spec
    CommandSpec spec;

    // Not `required` for picocli: it would then demand them before `orrery agent authorize` too.
    @Option(names = "--slots", paramLabel = "DIR",
            description = "The board's slot directory (slots, boot selection, identity, trust, audit log). Required.")
    Path dir;

    @Option(names = "--listen", paramLabel = "HOST:PORT",
            description = "Address to serve clients on (port 0 picks a free one and prints it). Required.")
    String listen;

    @Option(names = "--board", paramLabel = "BOARD", defaultValue = "sim",
            description = "Board the images boot on: sim, or hosted (Java 22+, Linux, root). Default: ${DEFAULT-VALUE}.")
    String board;

    @Option(names = "--signer", paramLabel = "FILE",
            description = "Trust images signed with this Ed25519 public key (orrery-signing.pub); copied into "
                    + "DIR/" + SIGNERS_DIR + ". Repeatable; needed on first start.")
    List<Path> signers = new ArrayList<>();

    @Option(names = "--confirm-frames", paramLabel = "N", defaultValue = "" + SlotBoardOptions.DEFAULT_CONFIRM_FRAMES,
            description = "Healthy major frames in a row after which a new image confirms itself good "
                    + "(default: ${DEFAULT-VALUE}).")
    int confirmFrames;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (dir == null || listen == null) {
            err.println("orrery agent: give the slot directory and the address to serve on: --slots DIR --listen HOST:PORT");
            return OrreryCli.EXIT_USAGE;
        }
        InetSocketAddress address;
        try {
            address = listenAddress(listen);
        } catch (IllegalArgumentException e) {
            err.println("orrery agent: --listen " + listen + ": " + e.getMessage());
            return OrreryCli.EXIT_INPUT_ERRORS;
        }
        if (!board.equals("sim") && !board.equals("hosted")) {
            err.println("orrery agent: unknown board '" + board + "' (sim, hosted)");
            return OrreryCli.EXIT_INPUT_ERRORS;
        }
        if (confirmFrames < 1) {
            err.println("orrery agent: --confirm-frames must be at least 1, was " + confirmFrames);
            return OrreryCli.EXIT_INPUT_ERRORS;
        }
        try {
            installSigners(dir, signers);
        } catch (IOException e) {
            err.println("orrery agent: " + e.getMessage());
            return OrreryCli.EXIT_INPUT_ERRORS;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        SlotBoard control;
        try {
            control = SlotBoard.open(dir, SlotBoardOptions.defaults(board).withConfirmFrames(confirmFrames));
        } catch (IOException | IllegalArgumentException e) {
            err.println("orrery agent: cannot open the slots in " + dir + ": " + OrreryCliMessages.describe(e));
            return OrreryCli.EXIT_INPUT_ERRORS;
        }
        AgentServer server;
        try {
            server = Agent.start(dir, address, control, new java.io.PrintStream(new WriterStream(out), true,
                    java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            control.close();
            err.println("orrery agent: cannot serve on " + listen + ": " + OrreryCliMessages.describe(e));
            return OrreryCli.EXIT_INPUT_ERRORS;
        }
        out.println("orrery agent: board " + board + ", slots in " + dir.toAbsolutePath().normalize()
                + "; stop with Ctrl-C or SIGTERM");
        out.flush();
        // SIGTERM and Ctrl-C end the agent the way a clean power-off would: the running image is stopped, the
        // slots stay as they are (a trial in progress is reverted at the next start).
        Thread hook = new Thread(() -> {
            server.close();
            control.close();
            stopped.countDown();
        }, "orrery-agent-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OrreryCli.EXIT_OK;
    }

    /** HOST:PORT where, unlike a board's address in the registry, port 0 asks for any free port. */
    static InetSocketAddress listenAddress(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("expected HOST:PORT");
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the port must be 0 (any free one) to 65535");
        }
        String host = text.substring(0, colon);
        return new InetSocketAddress(host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host, port);
    }

    /** Copies each key into the board's signers folder after checking it is an Ed25519 public key. */
    static void installSigners(Path dir, List<Path> keys) throws IOException {
        Path target = dir.resolve(SIGNERS_DIR);
        for (Path key : keys) {
            PublicKey k = SigningKeys.readPublic(key);
            Files.createDirectories(target);
            Files.copy(key, target.resolve(SigningKeys.fingerprintHex(k).substring(0, 16) + ".pub"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        try (var files = Files.list(target)) {
            if (files.noneMatch(p -> p.toString().endsWith(".pub"))) {
                throw new IOException("the board trusts no image signer yet: give --signer orrery-signing.pub");
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("the board trusts no image signer yet: give --signer orrery-signing.pub");
        }
    }

    /** What the key commands run on the board take: the board's slot directory and a client key's fingerprint. */
    static final class ClientKey {
        @Option(names = "--slots", paramLabel = "DIR", required = true, description = "The board's slot directory.")
        Path dir;

        @Parameters(index = "0", paramLabel = "FINGERPRINT", description = "The client key's fingerprint (SHA256:...).")
        String fingerprint;
    }

    /** {@code orrery agent authorize}: lets a client key (from `orrery boards whoami`) talk to this board. */
    @Command(name = "authorize", mixinStandardHelpOptions = true,
            description = "Let the client key with this fingerprint (printed by `orrery boards whoami` on the client) "
                    + "use this board with the given roles. Run on the board; takes effect at the next connection.")
    public static final class Authorize implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        ClientKey key;

        @Option(names = "--roles", paramLabel = "ROLES", split = ",", defaultValue = "flash,monitor",
                description = "Comma-separated roles: flash, monitor, debug, operate (default: ${DEFAULT-VALUE}).")
        List<String> roles;

        @Option(names = "--name", paramLabel = "NAME", defaultValue = "client",
                description = "Who the key belongs to, as the audit log names it (default: ${DEFAULT-VALUE}).")
        String name;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try {
                Set<Role> granted = EnumSet.noneOf(Role.class);
                for (String r : roles) {
                    granted.add(Role.ofLabel(r.strip()));
                }
                Agent.authorize(key.dir, key.fingerprint, granted, name);
                spec.commandLine().getOut().println("orrery agent: " + name + " (" + key.fingerprint + ") may now "
                        + String.join(", ", granted.stream().map(Role::label).toList()) + " on the board in "
                        + key.dir);
                return OrreryCli.EXIT_OK;
            } catch (IllegalArgumentException | IOException e) {
                err.println("orrery agent authorize: " + OrreryCliMessages.describe(e));
                return OrreryCli.EXIT_INPUT_ERRORS;
            }
        }
    }

    /** {@code orrery agent revoke}: takes a client key off this board, its open sessions included. */
    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Take the client key with this fingerprint off this board. Run on the board; a running agent "
                    + "ends the key's open sessions within a second.")
    public static final class Revoke implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        ClientKey key;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try {
                if (!Agent.revoke(key.dir, key.fingerprint)) {
                    err.println("orrery agent revoke: no client key " + key.fingerprint
                            + " is authorised on the board in " + key.dir);
                    return OrreryCli.EXIT_INPUT_ERRORS;
                }
                spec.commandLine().getOut().println("orrery agent: " + key.fingerprint
                        + " may no longer use the board in " + key.dir);
                return OrreryCli.EXIT_OK;
            } catch (IOException e) {
                err.println("orrery agent revoke: " + OrreryCliMessages.describe(e));
                return OrreryCli.EXIT_INPUT_ERRORS;
            }
        }
    }

    /** Lets {@link Agent#start} print through picocli's writer, which tests capture. */
    private static final class WriterStream extends java.io.OutputStream {
        private final PrintWriter out;

        WriterStream(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            out.write(new String(b, off, len, java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public void flush() {
            out.flush();
        }
    }
}
