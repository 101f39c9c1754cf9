// SPDX-License-Identifier: EPL-2.0
package org.orrery.toolchain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.orrery.os.config.ConfigException;
import org.orrery.os.config.Limits;
import org.orrery.os.image.Image;
import org.orrery.os.image.ImageException;
import org.orrery.os.image.ImageVerifier;
import org.orrery.os.image.KernelClassPath;
import org.orrery.os.kernel.BoardException;
import org.orrery.toolchain.internal.RunChild;
import org.orrery.toolchain.internal.RunProtocol;

/**
 * Boots an image in a board process of its own, on the kernel the image carries: the image's OS modules take the
 * place of this toolchain's on the process's class path ({@link KernelClassPath}), as on a board behind an agent.
 * This is how {@code orrery run} and Studio's launches run images; {@link Run} boots on this JVM's own kernel and
 * stays for embedding and tests. A partition that brings its board process down leaves this process standing, and
 * reports what it can.
 */
public final class ImageRun {

    /** The hosted board: an image does not carry it (images do not depend on a board); only its runs need it. */
    private static final String HOSTED_MODULE = "org.orrery.os.bsp.hosted";
    /** Modules a board process may need that an image does not carry. */
    public static final List<String> TOOL_MODULES = List.of("org.orrery.toolchain", "org.orrery.os.image",
            HOSTED_MODULE);
    private static final long STOP_POLL_MS = 20;

    private final byte[] image;
    private final String name;
    private final String board;
    private Path trustedKey;
    private long minimumCounter;
    private ClassLoader toolModules = ImageRun.class.getClassLoader();
    private List<String> jvmOptions = List.of();
    private Consumer<String> echo = line -> { };
    private Consumer<String> errors = line -> { };
    private BooleanSupplier stop = () -> false;
    private Path traceDir;
    private long guardNanos;

    private ImageRun(byte[] image, String name, String board) {
        this.image = image.clone();
        this.name = name;
        this.board = board;
    }

    /**
     * @param image the image's bytes, as this process checked them (the board process gets these bytes, not the file)
     * @param name what messages call the image (its file)
     * @param board a board name {@link Boards} knows
     */
    public static ImageRun of(byte[] image, String name, String board) {
        return new ImageRun(image, name, board);
    }

    /** The board process verifies the image against this key again; without it, the image is trusted as built here. */
    public ImageRun verifiedWith(Path publicKey, long minimumSecurityCounter) {
        this.trustedKey = publicKey.toAbsolutePath();
        this.minimumCounter = minimumSecurityCounter;
        return this;
    }

    /** Where the toolchain's own modules are found (by their manifests); Studio passes a loader over its bundles. */
    public ImageRun toolModules(ClassLoader loader) {
        this.toolModules = loader;
        return this;
    }

    /** Extra options for the board process's JVM. */
    public ImageRun jvmOptions(List<String> options) {
        this.jvmOptions = List.copyOf(options);
        return this;
    }

    /** Gets each console line as the partitions print it. */
    public ImageRun echo(Consumer<String> consumer) {
        this.echo = consumer;
        return this;
    }

    /** Gets what the board process writes on its stderr (the JVM's own complaints). */
    public ImageRun errors(Consumer<String> consumer) {
        this.errors = consumer;
        return this;
    }

    /** Asked every few milliseconds; true ends the run at the next slice (the trace and report are kept). */
    public ImageRun stopWhen(BooleanSupplier condition) {
        this.stop = condition;
        return this;
    }

    public ImageRun traceTo(Path dir) {
        this.traceDir = dir == null ? null : dir.toAbsolutePath();
        return this;
    }

    public ImageRun guardMillis(long millis) {
        this.guardNanos = millis * 1_000_000L;
        return this;
    }

    /**
     * Runs the board process to its end.
     *
     * @throws ConfigException the image cannot be booted (its kernel refused its configuration, or it is older than
     *         this toolchain)
     * @throws IOException the trace folder cannot be written, or the board process cannot be started
     * @throws BoardException the board cannot run on this machine, or its process died
     */
    public Outcome run(long durationNs) throws ConfigException, IOException, BoardException {
        Image parsed;
        try {
            parsed = ImageVerifier.inspect(image, name);
        } catch (ImageException e) {
            throw new ConfigException("image", -1, e.getMessage());
        }
        Path dir = Files.createTempDirectory("orrery-run-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        try {
            Path file = dir.resolve("image.oimg");
            Files.write(file, image);
            List<String> modules = TOOL_MODULES.stream().filter(m -> !m.equals(HOSTED_MODULE) || board.equals("hosted"))
                    .toList();
            KernelClassPath classPath = KernelClassPath.of(parsed, dir.resolve("kernel"), modules, toolModules);
            Process process = new ProcessBuilder(command(classPath, file, durationNs)).directory(dir.toFile()).start();
            return follow(process);
        } finally {
            delete(dir);
        }
    }

    private List<String> command(KernelClassPath classPath, Path file, long durationNs) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        // The hosted board reaches cgroups, shared memory and the scheduler through FFM downcalls.
        cmd.add("--enable-native-access=ALL-UNNAMED");
        if (board.equals("hosted")) {
            // a process of its own, so the board may lock its (small) memory in RAM; with this tool's board settings
            cmd.addAll(Limits.hostedProcessOptions());
        }
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classPath.asArgument());
        cmd.add(RunChild.class.getName());
        cmd.addAll(List.of(file.toString(), trustedKey == null ? "-" : trustedKey.toString(),
                Long.toString(minimumCounter), board, Long.toString(durationNs),
                traceDir == null ? "-" : traceDir.toString(), Long.toString(guardNanos)));
        return cmd;
    }

    private Outcome follow(Process process) throws ConfigException, IOException, BoardException {
        Thread stderr = Thread.ofPlatform().daemon().name("run-stderr").start(() -> pump(process, errors));
        Thread stopper = Thread.ofPlatform().daemon().name("run-stop").start(() -> askToStop(process));
        StringBuilder report = new StringBuilder();
        boolean stopped = false;
        String failure = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith(RunProtocol.CONSOLE)) {
                    echo.accept(RunProtocol.unescape(line.substring(RunProtocol.CONSOLE.length())));
                } else if (line.startsWith(RunProtocol.REPORT)) {
                    report.append(RunProtocol.unescape(line.substring(RunProtocol.REPORT.length()))).append('\n');
                } else if (line.equals(RunProtocol.STOPPED)) {
                    stopped = true;
                } else if (line.startsWith(RunProtocol.FAILED)) {
                    failure = line.substring(RunProtocol.FAILED.length());
                }
            }
        } finally {
            int status = waitFor(process);
            stopper.interrupt();
            joinQuietly(stderr);
            if (failure == null && status != 0) {
                throw new BoardException("the board process ended with status " + status + " before its report"
                        + " (see its messages above)");
            }
        }
        if (failure != null) {
            rethrow(failure);
        }
        return new Outcome(report.toString(), stopped);
    }

    /** Throws what the board process's {@code failed} line says, as the exception a caller of {@link Run} expects. */
    private static void rethrow(String line) throws ConfigException, IOException, BoardException {
        int space = line.indexOf(' ');
        String kind = space < 0 ? line : line.substring(0, space);
        String text = space < 0 ? "" : RunProtocol.unescape(line.substring(space + 1));
        RunProtocol.Failure failure;
        try {
            failure = RunProtocol.Failure.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new BoardException("the board process failed: " + text);
        }
        switch (failure) {
            case IMAGE -> throw new ConfigException("image", -1, text);
            case CONFIG -> throw new ConfigException("configuration", -1, text);
            case TRACE -> throw new IOException(text);
            case BOARD -> throw new BoardException(text);
        }
    }

    private void askToStop(Process process) {
        try {
            while (process.isAlive()) {
                if (stop.getAsBoolean()) {
                    OutputStream in = process.getOutputStream();
                    in.write((RunProtocol.STOP + "\n").getBytes(StandardCharsets.UTF_8));
                    in.flush();
                    return;
                }
                Thread.sleep(STOP_POLL_MS);
            }
        } catch (IOException | InterruptedException e) {
            // the process ended (or this run did): nothing left to stop
        }
    }

    private static void pump(Process process, Consumer<String> errors) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                errors.accept(line);
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    /** Waits for the board process; this thread being interrupted stops it (its stdin closes, then a kill). */
    private static int waitFor(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            try {
                process.getOutputStream().close();
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (IOException | InterruptedException again) {
                process.destroyForcibly();
            }
            return -1;
        }
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void delete(Path dir) {
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            // a temporary folder left behind is the OS's to clean
        }
    }

    /**
     * What a run did, as its board process reported it.
     *
     * @param report the text every front end prints after a run (summary, stop, trace)
     * @param stopped the run was ended early on request
     */
    public record Outcome(String report, boolean stopped) {}
}
