// SPDX-License-Identifier: EPL-2.0
package org.orrery.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.bsp.sim.SimBoardSupport;
import org.orrery.os.config.ConfigException;
import org.orrery.os.image.Image;
import org.orrery.os.image.ImageVerifier;
import org.orrery.os.image.ImageWriter;
import org.orrery.os.image.SigningKeys;
import org.orrery.os.kernel.BoardException;
import org.orrery.os.trace.ctf.CtfReader;

/** Images booted in a board process of their own, on the kernel they carry. */
class ImageRunTest {

    private static final Path FLIGHT_CONTROL =
            Path.of("../../examples/flight-control/system.orrery").toAbsolutePath().normalize();
    private static final long MS = 1_000_000L;
    private static final String KERNEL_ENTRY = Image.KERNEL_PREFIX + "org.orrery.os.kernel" + Image.JAR_SUFFIX;

    private static Build.Loaded built;
    private static byte[] bytes;

    @TempDir
    Path dir;

    @BeforeAll
    static void build() throws Exception {
        built = Build.of(Compile.create().system(FLIGHT_CONTROL)).inMemory();
        bytes = built.result().bytes();
    }

    /** The board process's report is the in-process run's, byte for byte: same image, same deterministic board. */
    @Test
    void aBoardProcessReportsWhatTheSameRunInThisJvmReports() throws Exception {
        List<String> console = new ArrayList<>();
        Path trace = dir.resolve("trace");
        ImageRun.Outcome child = ImageRun.of(bytes, "fc.oimg", SimBoardSupport.NAME).echo(console::add)
                .traceTo(trace).run(200 * MS);
        Run.Outcome here = Run.of(built.image(), Boards.named(SimBoardSupport.NAME).orElseThrow())
                .traceTo(dir.resolve("here")).run(200 * MS);
        assertEquals(here.report().replace(dir.resolve("here").toString(), trace.toString()), child.report());
        assertFalse(child.stopped());
        assertFalse(console.isEmpty(), "console lines reach the caller as the partitions print them");
        assertEquals(here.traceEvents(), CtfReader.read(trace).eventCount(), "the board process wrote the trace");
    }

    /** The hosted board is not in the image: its module joins the image's on the board process's class path. */
    @Test
    void theHostedBoardRunsInABoardProcessToo() throws Exception {
        List<String> console = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> errors = new ArrayList<>();
        // Until nav is up (five cold partitions initialising in their windows took more than 1 s of board time on a
        // loaded host); 10 s is only a backstop.
        ImageRun.Outcome out = ImageRun.of(bytes, "fc.oimg", "hosted").echo(console::add).errors(errors::add)
                .stopWhen(() -> navUp(console)).run(10_000 * MS);
        assertTrue(out.report().startsWith("--- schedule summary (hosted board, flight_control) ---"), out.report());
        Matcher locked = Pattern.compile("kernel process memory: locked in RAM \\(mlockall\\), (\\d+) KiB resident")
                .matcher(out.report());
        assertTrue(locked.find(), "a board process of its own locks its memory: " + out.report());
        // the JVM's own pages and a heap started small (not 1/64 of the machine's RAM, all of it faulted in)
        long kib = Long.parseLong(locked.group(1));
        assertTrue(kib > 10_000 && kib < 512 * 1024, out.report());
        assertTrue(navUp(console), console + "\n" + out.report() + "\n" + errors);
    }

    /** The hosted board's settings given to the tool's JVM (ORRERY_JAVA_OPTS for the CLI) reach the board process. */
    @Test
    void theHostedBoardsSettingsReachItsBoardProcess() throws Exception {
        System.setProperty("orrery.hosted.partition-users", "nobody");
        try {
            List<String> errors = new ArrayList<>();
            BoardException e = assertThrows(BoardException.class, () -> ImageRun.of(bytes, "fc.oimg", "hosted")
                    .errors(errors::add).run(1_000 * MS));
            assertTrue(e.getMessage().contains("-Dorrery.hosted.partition-users=nobody: expected separate or board"),
                    e.getMessage() + " " + errors);
        } finally {
            System.clearProperty("orrery.hosted.partition-users");
        }
    }

    private static boolean navUp(List<String> console) {
        synchronized (console) {
            return console.stream().anyMatch(l -> l.contains("nav: navigation up"));
        }
    }

    /**
     * The kernel that runs is the image's: an image whose kernel module is damaged fails to boot, although this JVM's
     * own kernel (which the in-process run would use) is intact.
     */
    @Test
    void theKernelThatRunsIsTheOneInTheImage() throws Exception {
        Image image = ImageVerifier.inspect(bytes, "fc");
        Map<String, byte[]> contents = new TreeMap<>(image.contents());
        contents.put(KERNEL_ENTRY, truncated(contents.get(KERNEL_ENTRY), "org/orrery/os/kernel/Kernel.class"));
        byte[] damaged = ImageWriter.write(image.manifest().orreryVersion(), image.manifest().systemName(), 0, contents,
                null, null);
        ConfigException e = assertThrows(ConfigException.class,
                () -> ImageRun.of(damaged, "damaged.oimg", SimBoardSupport.NAME).run(50 * MS));
        assertTrue(e.getMessage().startsWith("image: the OS modules it carries cannot be loaded"), e.getMessage());
        assertTrue(e.getMessage().contains("ClassFormatError"), e.getMessage());
    }

    @Test
    void stopEndsTheBoardProcessRunEarlyAndTheReportSaysSo() throws Exception {
        AtomicBoolean seen = new AtomicBoolean();
        ImageRun.Outcome out = ImageRun.of(bytes, "fc.oimg", SimBoardSupport.NAME).echo(line -> seen.set(true))
                .stopWhen(seen::get).run(600_000 * MS);
        assertTrue(out.stopped());
        assertTrue(out.report().contains("stopped on request at "), out.report());
    }

    /** A signed image is verified again by the board process, against the key it is given. */
    @Test
    void theBoardProcessVerifiesASignedImageAgainstItsKey() throws Exception {
        KeyPair signer = SigningKeys.generate();
        KeyPair stranger = SigningKeys.generate();
        Image image = ImageVerifier.inspect(bytes, "fc");
        byte[] signed = ImageWriter.write(image.manifest().orreryVersion(), image.manifest().systemName(), 0,
                image.contents(), signer.getPrivate(), signer.getPublic());
        Path good = dir.resolve("good");
        Path bad = dir.resolve("bad");
        SigningKeys.writePair(signer, good);
        SigningKeys.writePair(stranger, bad);

        assertTrue(ImageRun.of(signed, "fc.oimg", SimBoardSupport.NAME).verifiedWith(publicOf(good), 0).run(20 * MS)
                .report().contains("schedule summary"));
        ConfigException e = assertThrows(ConfigException.class, () -> ImageRun.of(signed, "fc.oimg",
                SimBoardSupport.NAME).verifiedWith(publicOf(bad), 0).run(20 * MS));
        assertTrue(e.getMessage().startsWith("image: "), e.getMessage());
    }

    @Test
    void aBoardOrATraceFolderThatCannotBeHadIsTheExceptionARunGives() throws Exception {
        BoardException board = assertThrows(BoardException.class,
                () -> ImageRun.of(bytes, "fc.oimg", "no-such-board").run(20 * MS));
        assertTrue(board.getMessage().contains("board 'no-such-board' is not available"), board.getMessage());
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertThrows(java.io.IOException.class,
                () -> ImageRun.of(bytes, "fc.oimg", SimBoardSupport.NAME).traceTo(file.resolve("trace")).run(20 * MS));
    }

    private static Path publicOf(Path keyDir) {
        return keyDir.resolve(SigningKeys.PUBLIC_FILE);
    }

    /** {@code jar} with {@code entry} cut to half its length: a class no JVM will define. */
    private static byte[] truncated(byte[] jar, String entry) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean found = false;
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar));
                JarOutputStream o = in.getManifest() == null ? new JarOutputStream(out)
                        : new JarOutputStream(out, in.getManifest())) {
            for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                byte[] b = in.readAllBytes();
                if (e.getName().equals(entry)) {
                    b = java.util.Arrays.copyOf(b, b.length / 2);
                    found = true;
                }
                o.putNextEntry(new JarEntry(e.getName()));
                o.write(b);
                o.closeEntry();
            }
        }
        assertTrue(found, entry + " in the kernel module");
        return out.toByteArray();
    }
}
