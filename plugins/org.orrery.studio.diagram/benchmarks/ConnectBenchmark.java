// SPDX-License-Identifier: EPL-2.0
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.orrery.dsl.orrery.Channel;
import org.orrery.dsl.orrery.Partition;
import org.orrery.dsl.orrery.Port;
import org.orrery.studio.diagram.edit.SystemModelSession;
import org.orrery.studio.diagram.topology.ChannelEdits;
import org.orrery.studio.diagram.topology.Topology;
import org.orrery.studio.diagram.topology.TopologyBuilder;

/**
 * Channel connect benchmark (reported, not asserted) on a generated system whose first channels are taken out, so
 * their ports are free to connect again. Per round, in the same JVM and on the same text, with the system editor's
 * session (validation deferred): one connect through the change serializer (the reference), the baseline (a full
 * parse of the connected text: the floor of a connect that re-reads the file, as connects did before), then
 * connects as the topology page makes them ({@link ChannelEdits#connectChecked}: the channel's declaration parsed
 * alone and checked by its own and the file-wide rules), new channels and further destinations of a kept sampling
 * channel, each followed by the deferred validation of the whole file (the flags drawn after the page). "Drawn"
 * adds the page's picture of the new channel on the topology laid out before ({@link ChannelEdits#drawn}; the
 * layout of the whole system follows in the background). Last, the same connections taken back (the page's Delete).
 * Wall clock and this thread's CPU time (the machine may be shared).
 */
public final class ConnectBenchmark {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final int CONNECTS = 10;

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]).toAbsolutePath();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        // Free the ports of the first channels: each round reconnects some of them. Sampling ones give the further
        // destinations (their in ports join a kept sampling channel).
        List<String[]> pairs = new ArrayList<>();
        List<String> samplingIns = new ArrayList<>();
        String fanSource = null;
        StringBuilder text = new StringBuilder();
        int freed = rounds * (CONNECTS + 1);
        for (String line : Files.readString(file).split("\n", -1)) {
            String[] w = line.split(" ");
            boolean channel = w.length == 7 && w[0].equals("channel") && w[3].equals("from");
            if (channel && pairs.size() < freed && w[2].equals("queuing")) {
                pairs.add(new String[] { w[4], w[6] });
                continue;
            }
            if (channel && samplingIns.size() < rounds * CONNECTS && w[2].equals("sampling")) {
                samplingIns.add(w[6]);
                continue;
            }
            if (channel && fanSource == null && w[2].equals("sampling")) {
                fanSource = w[4];
            }
            text.append(line).append('\n');
        }
        String base = text.substring(0, text.length() - 1);
        System.out.printf(Locale.ROOT, "%s: %,d bytes, %d channels taken out%n", file.getFileName(), base.length(),
                pairs.size() + samplingIns.size());
        int next = 0;
        int nextIn = 0;
        for (int round = 1; round <= rounds; round++) {
            SystemModelSession session = SystemModelSession.openDeferringValidation(file.toUri(), base);
            session.validate();
            Topology shown = TopologyBuilder.build(session.system(), session.diagnostics());
            // The reference: through the change serializer.
            String[] p = pairs.get(next++);
            long w0 = System.nanoTime(), c0 = CPU.getCurrentThreadCpuTime();
            ChannelEdits.connectThroughSerializer(session, p[0], p[1]);
            long serializerWall = System.nanoTime() - w0, serializerCpu = CPU.getCurrentThreadCpuTime() - c0;
            session.validate();
            long[][] fresh = measure(session, shown, pairs.subList(next, next + CONNECTS));
            next += CONNECTS;
            List<String[]> fanOut = new ArrayList<>();
            for (int i = 0; i < CONNECTS; i++) {
                fanOut.add(new String[] { fanSource, samplingIns.get(nextIn++) });
            }
            long[][] further = measure(session, shown, fanOut);
            // Then the same connections taken back: the further destinations, then the new channels' declarations.
            long[] disconnectWall = new long[2 * CONNECTS];
            long disconnectInPlace = 0;
            List<String> gone = new ArrayList<>();
            for (int i = 0; i < CONNECTS; i++) {
                gone.add(pairs.get(next - CONNECTS + i)[1]);
            }
            List<String> targets = new ArrayList<>();
            fanOut.forEach(f -> targets.add(f[1]));
            targets.addAll(gone);
            for (int i = 0; i < targets.size(); i++) {
                Object resource = session.root().eResource();
                long a = System.nanoTime();
                disconnect(session, targets.get(i));
                disconnectWall[i] = System.nanoTime() - a;
                disconnectInPlace += session.root().eResource() == resource ? 1 : 0;
                session.validate();
            }
            // The baseline: a full parse of the same text, as many times.
            long[] parseWall = new long[CONNECTS], parseCpu = new long[CONNECTS];
            for (int i = 0; i < CONNECTS; i++) {
                long a = System.nanoTime(), b = CPU.getCurrentThreadCpuTime();
                SystemModelSession.openDeferringValidation(file.toUri(), session.text());
                parseWall[i] = System.nanoTime() - a;
                parseCpu[i] = CPU.getCurrentThreadCpuTime() - b;
            }
            double baseline = median(parseWall);
            System.out.printf(Locale.ROOT, "round %d (%s): baseline, full parse of the text: median %.0f ms wall, %.0f ms CPU"
                    + " | through the change serializer %.0f ms wall, %.0f ms CPU%n", round, round == 1 ? "cold" : "warm",
                    baseline, median(parseCpu), ms(serializerWall), ms(serializerCpu));
            report("new channel", fresh, baseline);
            report("further destination", further, baseline);
            System.out.printf(Locale.ROOT, "    disconnect (a destination, then whole channels): median %.1f ms wall (%.2f x the"
                    + " full parse), max %.1f ms, %d of %d in place%n", median(disconnectWall), median(disconnectWall) / baseline,
                    ms(Arrays.stream(disconnectWall).max().orElse(0)), disconnectInPlace, disconnectWall.length);
        }
    }

    /**
     * Per connection: wall and CPU time of the connect and the new channel drawn on {@code shown}, then wall time of
     * the deferred validation (flagged); last, how many connects changed the model in place (the others parsed the
     * whole text).
     */
    private static long[][] measure(SystemModelSession session, Topology shown, List<String[]> connections) {
        long[] wall = new long[connections.size()], cpu = new long[connections.size()], flagged = new long[connections.size()];
        long[] drawing = new long[connections.size()];
        long inPlace = 0;
        for (int i = 0; i < connections.size(); i++) {
            String[] p = connections.get(i);
            Object resource = session.root().eResource();
            long a = System.nanoTime(), b = CPU.getCurrentThreadCpuTime();
            ChannelEdits.connectChecked(session, p[0], p[1]);
            long d = System.nanoTime();
            if (ChannelEdits.drawn(shown, session.system(), p[0], p[1]) == shown) {
                throw new IllegalStateException("not drawn: " + p[0] + " -> " + p[1]);
            }
            wall[i] = System.nanoTime() - a;
            drawing[i] = System.nanoTime() - d;
            cpu[i] = CPU.getCurrentThreadCpuTime() - b;
            inPlace += session.root().eResource() == resource ? 1 : 0;
            long f = System.nanoTime();
            session.validate();
            flagged[i] = System.nanoTime() - f;
        }
        return new long[][] { wall, cpu, flagged, { inPlace }, drawing };
    }

    /** Takes away the edge that ends at port {@code target} ({@code partition.port}), as the page's Delete does. */
    private static void disconnect(SystemModelSession session, String target) {
        for (Channel c : session.system().channels()) {
            for (int d = 0; d < c.getDestinations().size(); d++) {
                Port p = c.getDestinations().get(d);
                if (target.equals(((Partition) p.eContainer()).getName() + "." + p.getName())) {
                    ChannelEdits.disconnect(session, c.getName(), d);
                    return;
                }
            }
        }
        throw new IllegalStateException("no channel ends at " + target);
    }

    private static void report(String what, long[][] m, double baseline) {
        System.out.printf(Locale.ROOT, "    %s (connectChecked, drawn): median %.1f ms wall (%.2f x the full parse), %.1f ms CPU,"
                + " max %.1f ms wall (of which drawing %.1f ms), %d of %d in place; then flagged +%.0f ms%n", what, median(m[0]),
                median(m[0]) / baseline, median(m[1]), ms(Arrays.stream(m[0]).max().orElse(0)), median(m[4]), m[3][0],
                m[0].length, median(m[2]));
    }

    private static double median(long[] ns) {
        long[] sorted = ns.clone();
        Arrays.sort(sorted);
        return ms(sorted[sorted.length / 2]);
    }

    private static double ms(long ns) {
        return ns / 1e6;
    }
}
