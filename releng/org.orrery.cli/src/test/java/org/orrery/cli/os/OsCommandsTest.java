// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.os;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.cli.OrreryCli;
import org.orrery.os.config.BoardConfig;
import org.orrery.os.config.ConfigWriter;
import org.orrery.os.config.CoreFrame;
import org.orrery.os.config.Criticality;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.PlanConfig;
import org.orrery.os.config.SchedulingPolicy;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.WindowConfig;
import org.orrery.os.image.ImageVerifier;
import org.orrery.os.image.SigningKeys;
import org.orrery.os.trace.TraceBuffer;
import org.orrery.os.trace.TraceEventType;
import org.orrery.os.trace.ctf.CtfWriter;

class OsCommandsTest {

    @TempDir
    Path tmp;

    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void streams() {
        out = new StringWriter();
        err = new StringWriter();
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return OrreryCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    private Path system(String appSource) throws Exception {
        BoardConfig board = new BoardConfig("sim", 1, 1 << 24, 1_000, true, List.of(), 0, 0, List.of());
        PartitionConfig p = new PartitionConfig("alpha", 0, List.of(0), 1 << 20, Criticality.B,
                SchedulingPolicy.FIXED_PRIORITY, 0, "demo.Alpha", "apps/alpha", 0, List.of(), List.of());
        PlanConfig plan = new PlanConfig("main", List.of(new CoreFrame(0, 10_000_000)),
                List.of(new WindowConfig(0, 0, 10_000_000, "alpha")));
        SystemConfig c = new SystemConfig("demo", board, List.of(), List.of(p), List.of(), List.of(plan), "main",
                List.of(), List.of(), List.of(), List.of());
        Path file = tmp.resolve("sys/system.orcf");
        Files.createDirectories(tmp.resolve("sys/apps/alpha/demo"));
        Files.write(file, ConfigWriter.write(c));
        Files.writeString(tmp.resolve("sys/apps/alpha/demo/Alpha.java"), appSource);
        return file;
    }

    @Test
    void keygenCreatesPemPairAndRefusesToOverwrite() throws Exception {
        Path keys = tmp.resolve("keys");
        assertEquals(OrreryCli.EXIT_OK, run("keygen", "-o", keys.toString()), err.toString());
        assertTrue(out.toString().contains("fingerprint: "), out.toString());
        var pub = SigningKeys.readPublic(keys.resolve("orrery-signing.pub"));
        var priv = SigningKeys.readPrivate(keys.resolve("orrery-signing.key"));
        assertArrayEquals(pub.getEncoded(), SigningKeys.publicKeyOf(priv).getEncoded());
        byte[] before = Files.readAllBytes(keys.resolve("orrery-signing.key"));
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("keygen", "-o", keys.toString()));
        assertTrue(err.toString().contains("already exists; refusing to overwrite a key"), err.toString());
        assertArrayEquals(before, Files.readAllBytes(keys.resolve("orrery-signing.key")));
    }

    @Test
    void buildWritesASignedImageAndReportsKernelSize() throws Exception {
        run("keygen", "-o", tmp.resolve("keys").toString());
        Path sys = system("package demo; public class Alpha { }");
        Path img = tmp.resolve("out/demo.oimg");
        int code = run("build", sys.toString(), "-o", img.toString(), "--key",
                tmp.resolve("keys/orrery-signing.key").toString(), "--security-counter", "2");
        assertEquals(OrreryCli.EXIT_OK, code, err.toString());
        assertTrue(out.toString().contains("kernel+API classes: "), out.toString());
        assertTrue(out.toString().contains("applications: apps/alpha.jar"), out.toString());
        var image = ImageVerifier.verify(img, SigningKeys.readPublic(tmp.resolve("keys/orrery-signing.pub")), 2);
        assertEquals(2, image.manifest().securityCounter());
        assertEquals(List.of("alpha"), image.applicationPartitions());
    }

    @Test
    void buildReportsCompileErrorsAndKeepsTheOldImage() throws Exception {
        run("keygen", "-o", tmp.resolve("keys").toString());
        String key = tmp.resolve("keys/orrery-signing.key").toString();
        Path sys = system("package demo; public class Alpha { }");
        Path img = tmp.resolve("demo.oimg");
        assertEquals(OrreryCli.EXIT_OK, run("build", sys.toString(), "-o", img.toString(), "--key", key));
        byte[] good = Files.readAllBytes(img);
        Files.writeString(tmp.resolve("sys/apps/alpha/demo/Alpha.java"), "package demo;\npublic class Alpha { int x = y; }\n");
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS,
                run("build", sys.toString(), "-o", img.toString(), "--key", key));
        assertTrue(err.toString().startsWith(tmp.resolve("sys/apps/alpha") + "/demo/Alpha.java:2:30: error[app-compile]: "
                + "cannot find symbol: variable y (location: class demo.Alpha)"),
                err.toString());
        assertTrue(err.toString().contains("1 problem; no image written"), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace");
        assertArrayEquals(good, Files.readAllBytes(img));
    }

    @Test
    void buildPrintsOneLinePerPartitionCodeFindingAndKeepsTheOldImage() throws Exception {
        Path sys = system("package demo; public class Alpha { }");
        Path img = tmp.resolve("demo.oimg");
        assertEquals(OrreryCli.EXIT_OK, run("build", sys.toString(), "-o", img.toString(), "--unsigned"));
        byte[] good = Files.readAllBytes(img);
        Files.writeString(tmp.resolve("sys/apps/alpha/demo/Alpha.java"), """
                package demo;
                public class Alpha {
                    void stop() { System.exit(3); }
                    long stamp() { return System.currentTimeMillis(); }
                }
                """);
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("build", sys.toString(), "-o", img.toString(), "--unsigned"));
        String file = tmp.resolve("sys/apps/alpha") + "/demo/Alpha.java";
        assertEquals(List.of(
                file + ":demo.Alpha:stamp: error[host-clock]: java.lang.System.currentTimeMillis depends on the host's "
                        + "clock, so the simulated board would not be deterministic; use Partition.now",
                file + ":demo.Alpha:stop: error[process-exit]: java.lang.System.exit would end the whole board, not "
                        + "just this partition; use Partition.setMode(PartitionMode.IDLE) or Partition.raiseError and "
                        + "let the health monitor act",
                "orrery build: 2 problems; no image written"), err.toString().lines().toList());
        assertArrayEquals(good, Files.readAllBytes(img));
    }

    @Test
    void buildInputErrorsExitOne() throws Exception {
        Path sys = system("package demo; public class Alpha { }");
        Path img = tmp.resolve("x.oimg");
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("build", sys.toString(), "-o", img.toString(), "--key",
                tmp.resolve("missing.key").toString()));
        assertTrue(err.toString().contains("missing.key: no such key file"), err.toString());

        Path junk = tmp.resolve("sys/junk.orcf");
        Files.writeString(junk, "not a config");
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("build", junk.toString(), "-o", img.toString(), "--unsigned"));
        assertTrue(err.toString().startsWith(junk + ":1:1: error[config-invalid]: "), err.toString());
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("build", tmp.resolve("sys/system.txt").toString(), "-o",
                img.toString(), "--unsigned"));
        assertTrue(err.toString().contains("system.txt:1:1: error[file-unreadable]: Cannot read "), err.toString());
        assertTrue(err.toString().contains("not a system description (expected .orrery, or a .orcf"), err.toString());
        assertEquals(OrreryCli.EXIT_USAGE, run("build"));
        assertTrue(err.toString().contains("Missing required parameter"), err.toString());
        assertEquals(OrreryCli.EXIT_USAGE, run("build", sys.toString(), "-o", img.toString(), "--unsigned", "--key", "k"));
        assertFalse(Files.exists(img));
    }

    @Test
    void traceDumpPrintsEveryEvent() throws Exception {
        Path dir = tmp.resolve("trace");
        TraceBuffer b0 = new TraceBuffer(0, 8);
        TraceBuffer b1 = new TraceBuffer(1, 8);
        b0.emit(100, TraceEventType.WINDOW_START, 0, 0, 0);
        b1.emit(150, TraceEventType.PORT_SEND, 1, 2, 64);
        b0.emit(200, TraceEventType.WINDOW_END, 0, 0, 0);
        try (CtfWriter w = new CtfWriter(dir, UUID.randomUUID(), 2, Map.of())) {
            w.drain(b0);
            w.drain(b1);
        }
        assertEquals(OrreryCli.EXIT_OK, run("trace", "dump", dir.toString()), err.toString());
        List<String> lines = out.toString().lines().toList();
        assertEquals(3, lines.size(), out.toString());
        assertTrue(lines.get(0).contains("window_start: { cpu_id = 0 }"), lines.get(0));
        assertTrue(lines.get(1).contains("port_send: { cpu_id = 1 }, { partition = 1, port = 2, bytes = 64 }"),
                lines.get(1));
        assertTrue(lines.get(2).startsWith("[0.000000200] (+0.000000050) window_end"), lines.get(2));

        Files.writeString(dir.resolve("stream_1"), "garbage!");
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("trace", "dump", dir.toString()));
        assertTrue(err.toString().contains("stream_1 at byte 0: truncated packet header"), err.toString());
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("trace", "dump", tmp.resolve("nope").toString()));
        assertTrue(err.toString().contains("no such directory"), err.toString());
    }

    @Test
    void buildOfAnInvalidSystemDescriptionPrintsDiagnosticsAndWritesNothing() throws Exception {
        Path sys = tmp.resolve("bad.orrery");
        Files.writeString(sys, "system broken {\n  this is not orrery\n}\n");
        Path img = tmp.resolve("bad.oimg");
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("build", sys.toString(), "-o", img.toString(), "--unsigned"));
        assertTrue(err.toString().startsWith(sys + ":"), err.toString());
        assertTrue(err.toString().contains(": error["), err.toString());
        assertTrue(err.toString().contains("; no image built"), err.toString());
        assertFalse(Files.exists(img));
    }
}
