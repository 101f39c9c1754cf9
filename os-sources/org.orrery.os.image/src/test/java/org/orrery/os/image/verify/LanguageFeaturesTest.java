// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What javac makes of ordinary Java must verify clean; only what the code itself does may be refused. */
class LanguageFeaturesTest {

    @TempDir
    Path tmp;

    private List<String> findings(String... sources) throws Exception {
        return Apps.verify(tmp, sources).stream().map(f -> f.className() + ":" + f.method() + ": " + f.rule().code()
                + ": " + f.message()).toList();
    }

    @Test
    void lambdasRecordsEnumSwitchesPatternsAndStringConcatenationAreAccepted() throws Exception {
        assertEquals(List.of(), findings("""
                package demo;
                public enum Mode { CRUISE, CLIMB, DESCEND }
                """, """
                package demo;
                public record Sample(long seq, double value) { }
                """, """
                package demo;
                import java.util.*;
                import java.util.function.*;
                import java.util.stream.*;
                public class Good {
                    sealed interface Shape permits Circle, Square, Dot { }
                    record Circle(double r) implements Shape { }
                    record Square(double side) implements Shape { }
                    enum Dot implements Shape { ORIGIN, CENTRE }

                    int climbRate(Mode m) {
                        switch (m) {
                            case CLIMB: return 1;
                            case DESCEND: return -1;
                            default: return 0;
                        }
                    }
                    String label(Mode m) {
                        return switch (m) { case CRUISE -> "cruise"; case CLIMB -> "climb"; case DESCEND -> "descend"; };
                    }
                    double area(Shape s) {
                        return switch (s) {
                            case Circle(double r) -> Math.PI * r * r;
                            case Square sq -> sq.side() * sq.side();
                            case Dot.ORIGIN -> 0;
                            case Dot.CENTRE -> 1;
                        };
                    }
                    String describe(Object o) {
                        if (o instanceof Sample(long seq, double v) && v > 0) {
                            return "sample " + seq + " = " + v;
                        }
                        return switch (o) { case Integer i -> "int " + i; case String t -> t; default -> "?"; };
                    }
                    long sum(List<Sample> samples) {
                        Function<Sample, Long> seq = Sample::seq;
                        Predicate<Sample> positive = s -> s.value() > 0;
                        return samples.stream().filter(positive).map(seq).mapToLong(Long::longValue).sum()
                                + IntStream.range(0, 4).map(i -> i * i).sum();
                    }
                    Map<Mode, List<Sample>> group(List<Sample> samples) {
                        Map<Mode, List<Sample>> out = new EnumMap<>(Mode.class);
                        for (Sample s : samples) {
                            out.computeIfAbsent(s.value() > 0 ? Mode.CLIMB : Mode.DESCEND, k -> new ArrayList<>()).add(s);
                        }
                        return out;
                    }
                    String text(double v) {
                        StringBuilder b = new StringBuilder();
                        b.append(String.format(Locale.ROOT, "%.2f", v)).append(HexFormat.of().toHexDigits((byte) 7));
                        assert v >= 0 : "negative " + v;
                        return b + Arrays.toString(new int[] {1, 2}) + Objects.hash(v) + Mode.valueOf("CLIMB").ordinal();
                    }
                    long seeded() {
                        return new Random(42).nextLong() + Math.round(StrictMath.sqrt(2.0));
                    }
                    int[] copy(int[] a) {
                        return a.clone();
                    }
                }
                """));
    }

    @Test
    void catchExceptionAndFinallyAreAcceptedCatchThrowableIsNot() throws Exception {
        assertEquals(List.of(
                "demo.Handlers:swallowsError: catch-error: catch (java.lang.StackOverflowError) would keep the OS from "
                        + "stopping this process; catch Exception or a narrower type (finally blocks are fine)",
                "demo.Handlers:swallowsThrowable: catch-error: catch (java.lang.Throwable) would keep the OS from "
                        + "stopping this process; catch Exception or a narrower type (finally blocks are fine)",
                "demo.Handlers:wraps: catch-error: catch (java.lang.Throwable) would keep the OS from stopping this "
                        + "process; catch Exception or a narrower type (finally blocks are fine)"),
                findings("""
                package demo;
                import java.io.*;
                import java.nio.charset.StandardCharsets;
                public class Handlers {
                    int count;
                    void work() { count++; }
                    void catchesException() {
                        try { work(); } catch (Exception e) { count = -1; }
                    }
                    void finallyRuns() {
                        try { work(); } finally { count = 0; }
                    }
                    String resources(byte[] data) {
                        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                                new ByteArrayInputStream(data), StandardCharsets.UTF_8))) {
                            return r.readLine();
                        } catch (IOException e) {
                            return e.getMessage();
                        }
                    }
                    int maybeNull(InputStream s) throws IOException {
                        try (InputStream in = s) { return in.read(); }
                    }
                    void rethrows() throws Throwable {
                        try { work(); } catch (Throwable t) { count = -1; throw t; }
                    }
                    void swallowsThrowable() {
                        try { work(); } catch (Throwable t) { count = -1; }
                    }
                    void swallowsError() {
                        try { work(); } catch (StackOverflowError e) { count = -2; }
                    }
                    void wraps() {
                        try { work(); } catch (Throwable t) { throw new IllegalStateException(t); }
                    }
                }
                """));
    }

    @Test
    void refusalsHoldThroughSubclassesAndOverrides() throws Exception {
        assertEquals(List.of(
                "demo.Parallel:viaArrayList: thread: java.util.ArrayList.parallelStream creates, parks or signals host "
                        + "threads the OS does not schedule; partitions get processes from the OS: use "
                        + "Partition.createProcess, Semaphore, Event, Buffer or Blackboard",
                "demo.Parallel:viaIntStream: thread: java.util.stream.IntStream.parallel creates, parks or signals host "
                        + "threads the OS does not schedule; partitions get processes from the OS: use "
                        + "Partition.createProcess, Semaphore, Event, Buffer or Blackboard",
                "demo.Parallel:viaOwnList: thread: java.util.ArrayList.parallelStream creates, parks or signals host "
                        + "threads the OS does not schedule; partitions get processes from the OS: use "
                        + "Partition.createProcess, Semaphore, Event, Buffer or Blackboard",
                "demo.Parallel:waits: thread: java.lang.Object.wait creates, parks or signals host threads the OS does "
                        + "not schedule; partitions get processes from the OS: use Partition.createProcess, Semaphore, "
                        + "Event, Buffer or Blackboard"),
                findings("""
                package demo;
                import java.util.*;
                import java.util.stream.*;
                public class Parallel {
                    static class Names extends ArrayList<String> { }
                    long viaArrayList(ArrayList<String> l) { return l.parallelStream().count(); }
                    long viaIntStream() { return IntStream.range(0, 9).parallel().sum(); }
                    long viaOwnList(Names n) { return n.parallelStream().count(); }
                    void waits() throws InterruptedException { this.wait(); }
                }
                """));
    }

    @Test
    void monitorsAndNativeLoadingAreRefusedInTheMethodThatUsesThem() throws Exception {
        assertEquals(List.of(
                "demo.Locks:block: thread: synchronized block parks host threads the OS does not schedule; use "
                        + "Partition.createSemaphore",
                "demo.Locks:load: native: java.lang.System.loadLibrary runs native or unchecked code outside the OS's "
                        + "control; partition code is plain Java",
                "demo.Locks:method: thread: synchronized method method parks host threads the OS does not schedule; "
                        + "use Partition.createSemaphore"),
                findings("""
                package demo;
                public class Locks {
                    int n;
                    void block() { synchronized (this) { n++; } }
                    synchronized void method() { n--; }
                    void load() { System.loadLibrary("poke"); }
                }
                """));
    }

    @Test
    void declarationsAreCheckedAtClassLevel() throws Exception {
        List<Finding> found = Apps.verify(tmp, """
                package demo;
                public class Worker extends Thread {
                    java.io.File log;
                }
                """);
        assertEquals(List.of("<class> file-system", "<class> thread", "<init> thread"),
                found.stream().map(f -> f.method() + " " + f.rule().code()).toList());
        List<String> subjects = List.of("java.io.File ", "java.lang.Thread ", "new java.lang.Thread() ");
        for (int i = 0; i < subjects.size(); i++) {
            assertTrue(found.get(i).message().startsWith(subjects.get(i)), found.get(i).format());
        }
    }
}
