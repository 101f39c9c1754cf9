// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.cli.OrreryCli;
import org.orrery.os.config.BoardConfig;
import org.orrery.os.config.ChannelConfig;
import org.orrery.os.config.ConfigFormat;
import org.orrery.os.config.ConfigReader;
import org.orrery.os.config.ConfigWriter;
import org.orrery.os.config.CoreFrame;
import org.orrery.os.config.Criticality;
import org.orrery.os.config.OverflowPolicy;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.PlanConfig;
import org.orrery.os.config.PortConfig;
import org.orrery.os.config.PortDirection;
import org.orrery.os.config.PortEndpoint;
import org.orrery.os.config.PortKind;
import org.orrery.os.config.ProcessConfig;
import org.orrery.os.config.ProcessKind;
import org.orrery.os.config.SchedulingPolicy;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.WindowConfig;
import org.orrery.os.trace.ctf.CtfReader;

/** keygen → build → run (→ trace dump), in process, and every way an image is refused. */
class RunCommandTest {

    private static final long MS = 1_000_000L;

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path key;
    private Path pub;
    private Path system;

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return OrreryCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @BeforeEach
    void systemAndKeys() throws Exception {
        assertEquals(OrreryCli.EXIT_OK, run("keygen", "-o", tmp.resolve("keys").toString()));
        key = tmp.resolve("keys/orrery-signing.key");
        pub = tmp.resolve("keys/orrery-signing.pub");
        BoardConfig board = new BoardConfig("sim", 1, 1 << 24, MS, true, List.of(), 0, 0, List.of());
        PartitionConfig tx = new PartitionConfig("tx", 0, List.of(0), 1 << 20, Criticality.B,
                SchedulingPolicy.FIXED_PRIORITY, 0, "demo.tx.Tx", "apps/tx", 0,
                List.of(new ProcessConfig("send", ProcessKind.PERIODIC, 20 * MS, 0, 10, MS, 16384)),
                List.of(new PortConfig("out", PortKind.QUEUING, PortDirection.SOURCE, 16, 0, 4)));
        PartitionConfig rx = new PartitionConfig("rx", 1, List.of(0), 1 << 20, Criticality.C,
                SchedulingPolicy.FIXED_PRIORITY, 0, "demo.rx.Rx", "apps/rx", 0,
                List.of(new ProcessConfig("recv", ProcessKind.PERIODIC, 20 * MS, 0, 10, MS, 16384)),
                List.of(new PortConfig("in", PortKind.QUEUING, PortDirection.DESTINATION, 16, 0, 4)));
        SystemConfig c = new SystemConfig("txrx", board, List.of(), List.of(tx, rx),
                List.of(new ChannelConfig("link", PortKind.QUEUING, new PortEndpoint("tx", "out"),
                        List.of(new PortEndpoint("rx", "in")), OverflowPolicy.DROP_NEWEST)),
                List.of(new PlanConfig("main", List.of(new CoreFrame(0, 20 * MS)),
                        List.of(new WindowConfig(0, 0, 10 * MS, "tx"), new WindowConfig(0, 10 * MS, 10 * MS, "rx")))),
                "main", List.of(), List.of(), List.of(), List.of());
        system = tmp.resolve("sys/system.orcf");
        Files.createDirectories(system.getParent());
        Files.write(system, ConfigWriter.write(c));
        // The applications use the generated constants (TxConfig, RxConfig) like real ones do.
        write("sys/apps/tx/demo/tx/Tx.java", """
                package demo.tx;
                import org.orrery.os.api.*;
                public class Tx implements PartitionApplication {
                    public void initialize(Partition p) {
                        QueuingPort out = p.createQueuingPort(TxConfig.Ports.OUT);
                        p.createProcess(TxConfig.Processes.SEND, () -> {
                            for (int n = 1; ; n++) {
                                byte[] b = ("ping " + n).getBytes();
                                out.send(b, b.length, 0);
                                p.periodicWait();
                            }
                        }).start();
                        p.log("tx ready");
                        p.setMode(PartitionMode.NORMAL);
                    }
                }
                """);
        write("sys/apps/rx/demo/rx/Rx.java", """
                package demo.rx;
                import org.orrery.os.api.*;
                public class Rx implements PartitionApplication {
                    public void initialize(Partition p) {
                        QueuingPort in = p.createQueuingPort(RxConfig.Ports.IN);
                        Message m = new Message(RxConfig.Ports.IN_MAX_MESSAGE_SIZE);
                        p.createProcess(RxConfig.Processes.RECV, () -> {
                            while (true) {
                                while (in.receive(m, 0)) {
                                    p.log("received " + new String(m.data(), 0, m.length()));
                                }
                                p.periodicWait();
                            }
                        }).start();
                        p.setMode(PartitionMode.NORMAL);
                    }
                }
                """);
    }

    private void write(String rel, String text) throws Exception {
        Path f = tmp.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    private Path build(String... extra) {
        Path img = tmp.resolve("txrx.oimg");
        String[] args = {"build", system.toString(), "-o", img.toString()};
        String[] all = Arrays.copyOf(args, args.length + extra.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        assertEquals(OrreryCli.EXIT_OK, run(all), err.toString());
        return img;
    }

    @Test
    void runsASignedImagePrintsConsoleAndSummaryAndWritesATrace() throws Exception {
        Path img = build("--key", key.toString());
        Path trace = tmp.resolve("trace");
        int code = run("run", img.toString(), "--key", pub.toString(), "--duration", "200ms", "--trace", trace.toString());
        assertEquals(OrreryCli.EXIT_OK, code, err.toString());
        String o = out.toString();
        assertTrue(o.contains("tx ready"), o);
        assertTrue(o.contains("received ping 1"), o);
        assertTrue(o.contains("--- schedule summary (sim board, txrx) ---"), o);
        assertTrue(o.contains("windows 20, overruns 0"), o);
        long events = CtfReader.read(trace).eventCount();
        assertTrue(o.contains("trace: " + events + " events in " + trace), o);
        assertTrue(events > 20, "windows alone give 40 events");
        assertEquals(ConfigReader.read(Files.readAllBytes(system)),
                ConfigReader.read(Files.readAllBytes(trace.resolve(ConfigFormat.TRACE_COMPANION_FILE))),
                "the trace folder carries the configuration the run booted");
        // A second run into the same folder replaces the trace (and keeps babeltrace2-compatible naming).
        assertEquals(OrreryCli.EXIT_OK, run("run", img.toString(), "--key", pub.toString(), "--duration", "100ms",
                "--trace", trace.toString()), err.toString());
        events = CtfReader.read(trace).eventCount();

        assertEquals(OrreryCli.EXIT_OK, run("trace", "dump", trace.toString()), err.toString());
        assertEquals(events, out.toString().lines().count());
        assertTrue(out.toString().contains("window_start: { cpu_id = 0 }, { partition = \"tx\", window = 0, plan = \"main\" }"),
                out.toString());
        assertTrue(out.toString().contains("{ partition = \"rx\", process = \"recv\", state = \"RUNNING\" }"),
                out.toString());
    }

    @Test
    void runsASystemDescriptionDirectly() {
        assertEquals(OrreryCli.EXIT_OK, run("run", system.toString(), "--duration", "100ms"), err.toString());
        assertTrue(out.toString().contains("received ping"), out.toString());
    }

    /** generate -o writes the .orcf away from apps/: build and run say where they looked and accept --apps. */
    @Test
    void aGeneratedConfigurationBuildsWithTheApplicationsNamedByApps() throws Exception {
        Path gen = tmp.resolve("gen");
        assertEquals(OrreryCli.EXIT_OK, run("generate", system.toString(), "-o", gen.toString()), err.toString());
        String orcf = gen.resolve("system.orcf").toString();
        Path img = tmp.resolve("gen.oimg");

        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("build", orcf, "--unsigned", "-o", img.toString()));
        assertTrue(err.toString().contains("orrery build: application sources are looked for relative to " + gen
                + " (the folder of system.orcf); not found: " + gen.resolve("apps/tx") + ", " + gen.resolve("apps/rx")
                + "; pass --apps DIR"), err.toString());

        String apps = system.getParent().toString();
        assertEquals(OrreryCli.EXIT_OK, run("build", orcf, "--unsigned", "-o", img.toString(), "--apps", apps),
                err.toString());
        assertTrue(out.toString().contains("apps/tx.jar") && out.toString().contains("apps/rx.jar"), out.toString());
        assertEquals(OrreryCli.EXIT_OK, run("run", orcf, "--apps", apps, "--duration", "50ms"), err.toString());
        assertTrue(out.toString().contains("received ping 1"), out.toString());

        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("run", orcf, "--apps", tmp.toString(), "--duration", "50ms"));
        assertTrue(err.toString().contains("orrery run: application sources are looked for relative to " + tmp
                + " (--apps); not found: "), err.toString());
    }

    @Test
    void refusesUnsignedTamperedTruncatedAndWrongKeyImagesWithOneLine() throws Exception {
        Path unsigned = build("--unsigned");
        refused(run("run", unsigned.toString(), "--key", pub.toString()), "image is not signed");

        Path img = build("--key", key.toString());
        byte[] good = Files.readAllBytes(img);
        byte[] bad = good.clone();
        bad[good.length / 2] ^= 1;
        Files.write(img, bad);
        refused(run("run", img.toString(), "--key", pub.toString()), "image was modified after it was built");

        Files.write(img, Arrays.copyOf(good, good.length - 10));
        refused(run("run", img.toString(), "--key", pub.toString()), "image is truncated");

        Files.write(img, good);
        assertEquals(OrreryCli.EXIT_OK, run("keygen", "-o", tmp.resolve("other").toString()));
        refused(run("run", img.toString(), "--key", tmp.resolve("other/orrery-signing.pub").toString()),
                "image is signed by key");

        refused(run("run", img.toString(), "--key", pub.toString(), "--board", "qemu"),
                "board 'qemu' is not available");
        refused(run("run", tmp.resolve("none.oimg").toString(), "--key", pub.toString()), "no such image");
        assertEquals(OrreryCli.EXIT_USAGE, run("run", img.toString(), "--duration", "ten"));
        assertEquals(OrreryCli.EXIT_USAGE, run("run", img.toString(), "--key", pub.toString(),
                "--min-security-counter", "-5"));
        assertEquals("orrery run: --min-security-counter must be >= 0", err.toString().strip());
    }

    private void refused(int code, String message) {
        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, code, out + "\n" + err);
        String e = err.toString().strip();
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.startsWith("orrery run: ") && e.contains(message), e);
        assertFalse(out.toString().contains("schedule summary"));
    }
}
