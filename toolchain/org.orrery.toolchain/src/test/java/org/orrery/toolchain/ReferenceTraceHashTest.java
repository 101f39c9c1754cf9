// SPDX-License-Identifier: EPL-2.0
package org.orrery.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each example's run is pinned by a stored reference: {@code examples/<name>/trace.sha256} holds the
 * {@link TraceHash} of a 1 s run on the sim board, as {@code orrery run} boots it (each partition in its own JVM).
 * The run must give it in a separate JVM started with another collector or compiler (serial, parallel, C1 only,
 * interpreter only): nothing the JVM decides may reach the trace. The reference changes only on purpose:
 * {@code -Dorrery.traceHashes.update=true} rewrites the files, and the commit that carries a new hash says why the
 * run changed.
 */
class ReferenceTraceHashTest {

    static final long DURATION_NS = 1_000_000_000L;
    private static final Path EXAMPLES = Path.of("../../examples").toAbsolutePath().normalize();
    private static final String FILE = "trace.sha256";
    private static final boolean UPDATE = Boolean.getBoolean("orrery.traceHashes.update");
    private static final Map<String, Path> IMAGES = new LinkedHashMap<>();

    @TempDir
    static Path tmp;

    /** Each example built once, unsigned, into an image file a child JVM boots as {@code orrery run} would. */
    @BeforeAll
    static void buildTheExamples() throws Exception {
        for (String name : List.of("flight-control", "mixed-criticality", "satellite-obc", "wan-router")) {
            Compiled compiled = Compile.create().system(EXAMPLES.resolve(name).resolve("system.orrery"));
            assertFalse(compiled.hasErrors(), compiled.diagnostics()::toString);
            Path image = tmp.resolve(name + ".oimg");
            Files.write(image, Build.of(compiled).inMemory().result().bytes());
            IMAGES.put(name, image);
        }
    }

    /**
     * Each example in its own child JVM, each with another collector or compiler than the default (serial and
     * parallel collectors, C1 only, interpreter only): together they cover every example and every setting at the
     * cost of four runs, each started afresh, compared with the hash stored by another process.
     */
    @ParameterizedTest
    @CsvSource({"flight-control, -XX:+UseSerialGC", "mixed-criticality, -XX:+UseParallelGC",
        "satellite-obc, -XX:TieredStopAtLevel=1", "wan-router, -Xint"})
    void theExampleGivesItsStoredTraceHashInAChildJvm(String example, String flag) throws Exception {
        assumeFalse(UPDATE, "the references are being rewritten");
        Path work = Files.createDirectories(tmp.resolve(example + "-child"));
        Path image = IMAGES.get(example);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), flag,
                "-cp", System.getProperty("java.class.path"), TraceHashRun.class.getName(),
                Long.toString(DURATION_NS), work.toString(), image.toString());
        Path out = work.resolve("out.txt");
        long start = System.nanoTime();
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(child.waitFor(300, TimeUnit.SECONDS), "the child JVM (" + flag + ") did not finish in 300 s");
        String output = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), output);
        String line = output.lines().filter(l -> l.startsWith(image + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no hash for " + example + " from the child:\n" + output));
        String hash = line.substring(line.lastIndexOf(' ') + 1);
        Path stored = EXAMPLES.resolve(example).resolve(FILE);
        assertEquals(stored(stored), hash, () -> mismatch(stored, hash, "a child JVM with " + flag));
        System.out.printf(java.util.Locale.ROOT, "[trace hash] %s in a child JVM with %s: %s, %.1f s%n", example,
                flag, hash, (System.nanoTime() - start) / 1e9);
    }

    /** With {@code -Dorrery.traceHashes.update=true}: runs each example in this JVM and stores its hash. */
    @Test
    @EnabledIfSystemProperty(named = "orrery.traceHashes.update", matches = "true")
    void rewriteTheReferences() throws Exception {
        for (Map.Entry<String, Path> e : IMAGES.entrySet()) {
            String hash = TraceHashRun.hash(e.getValue(), DURATION_NS, tmp.resolve(e.getKey() + "-trace"));
            Path stored = EXAMPLES.resolve(e.getKey()).resolve(FILE);
            Files.writeString(stored, "# TraceHash of the events of a 1 s run on the sim board "
                    + "(ReferenceTraceHashTest).\n# Changed only on purpose, the commit saying why the run changed.\n"
                    + hash + "\n");
            System.out.println("[trace hash] " + e.getKey() + ": wrote " + hash + " to " + stored);
        }
    }

    private static String stored(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "(no " + file + ")";
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.startsWith("#"))
                .map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("(empty " + file + ")");
    }

    private static String mismatch(Path stored, String hash, String where) {
        return stored + ": the 1 s sim run in " + where + " hashes to " + hash + ", not to the stored reference. If "
                + "the run changed on purpose, rewrite the references with ./mvnw -o -B -Dtycho.localArtifacts=ignore "
                + "-pl toolchain/org.orrery.toolchain -am verify -Dtest=ReferenceTraceHashTest "
                + "-Dsurefire.failIfNoSpecifiedTests=false -Dorrery.traceHashes.update=true and say in the commit "
                + "message why the run changed; otherwise the run is no longer deterministic";
    }
}
