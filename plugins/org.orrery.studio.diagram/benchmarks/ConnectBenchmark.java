// SPDX-License-Identifier: EPL-2.0
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.orrery.studio.diagram.edit.ModelDiagnostic;
import org.orrery.studio.diagram.edit.SystemModelSession;
import org.orrery.studio.diagram.topology.ChannelEdits;

/**
 * Channel connect benchmark (reported, not asserted) on a generated system whose first channels are taken out,
 * so their ports are free to connect again. Per round, in the same JVM and on the same text, with the system
 * editor's session (validation deferred): one connect the way the topology page did it before (proposal in a
 * scratch session through the change serializer, then the connect itself through the serializer), and several the
 * way it does now (region edit: the proposal parses and validates the edited text once, accept installs it).
 * Also the bare region connect (text edit + one full parse, validation left deferred): the page drawn before
 * the flags. Wall clock and this thread's CPU time (the machine may be shared).
 */
public final class ConnectBenchmark {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final int CONNECTS = 5;

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]).toAbsolutePath();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        // Free the ports of the first channels: each round reconnects some of them.
        List<String[]> pairs = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int freed = rounds * (2 * CONNECTS + 1);
        for (String line : Files.readString(file).split("\n", -1)) {
            String[] w = line.split(" ");
            if (pairs.size() < freed && w.length == 7 && w[0].equals("channel") && w[3].equals("from")) {
                pairs.add(new String[] { w[4], w[6] });
                continue;
            }
            text.append(line).append('\n');
        }
        String base = text.substring(0, text.length() - 1);
        System.out.printf(Locale.ROOT, "%s: %,d bytes, %d channels taken out%n", file.getFileName(), base.length(), pairs.size());
        int next = 0;
        for (int round = 1; round <= rounds; round++) {
            SystemModelSession session = SystemModelSession.openDeferringValidation(file.toUri(), base);
            session.validate();
            // Before: the page's proposal in a scratch session through the serializer, then the connect itself.
            String[] p = pairs.get(next++);
            long w0 = System.nanoTime(), c0 = CPU.getCurrentThreadCpuTime();
            SystemModelSession scratch = SystemModelSession.open(session.fileUri(), session.text());
            ChannelEdits.connectThroughSerializer(scratch, p[0], p[1]);
            scratch.diagnostics().stream().filter(ModelDiagnostic::isError).count();
            scratch = null;
            ChannelEdits.connectThroughSerializer(session, p[0], p[1]);
            session.validate();
            long oldWall = System.nanoTime() - w0, oldCpu = CPU.getCurrentThreadCpuTime() - c0;
            // Now: propose (parse + validate the edited text once) and accept.
            long[] wall = new long[CONNECTS], cpu = new long[CONNECTS];
            for (int i = 0; i < CONNECTS; i++) {
                p = pairs.get(next++);
                long a = System.nanoTime(), b = CPU.getCurrentThreadCpuTime();
                ChannelEdits.Proposal proposal = ChannelEdits.propose(session, p[0], p[1]);
                if (proposal.hasErrors()) {
                    throw new IllegalStateException("refused: " + proposal.problems());
                }
                ChannelEdits.accept(session, proposal);
                wall[i] = System.nanoTime() - a;
                cpu[i] = CPU.getCurrentThreadCpuTime() - b;
            }
            // The bare region connect: text edit + full parse, validation deferred (drawn, not yet flagged).
            long[] drawnWall = new long[CONNECTS], drawnCpu = new long[CONNECTS], flagged = new long[CONNECTS];
            for (int i = 0; i < CONNECTS; i++) {
                p = pairs.get(next++);
                long a = System.nanoTime(), b = CPU.getCurrentThreadCpuTime();
                ChannelEdits.connect(session, p[0], p[1]);
                drawnWall[i] = System.nanoTime() - a;
                drawnCpu[i] = CPU.getCurrentThreadCpuTime() - b;
                long f = System.nanoTime();
                session.validate();
                flagged[i] = System.nanoTime() - f;
            }
            System.out.printf(Locale.ROOT, "round %d (%s): before (scratch proposal + connect, both through the change"
                    + " serializer) %.0f ms wall, %.0f ms CPU | now, propose + accept (one parse + validation): median %.0f ms"
                    + " wall, %.0f ms CPU | bare region connect (one parse, validation deferred): median %.0f ms wall,"
                    + " %.0f ms CPU, then flagged +%.0f ms | %d diagnostics%n", round, round == 1 ? "cold" : "warm",
                    ms(oldWall), ms(oldCpu), median(wall), median(cpu), median(drawnWall), median(drawnCpu),
                    median(flagged), session.diagnostics().size());
        }
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
