// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.slots.internal;

/**
 * The lines a boot child prints on stdout, one per thing that happened, first word the kind:
 * <pre>
 * booted SYSTEM BOARD          the image verified and the board started
 * frame N ok                   major frame N was healthy ({@link FrameJudge})
 * frame N bad WHY...           it was not, and why
 * frame N starting PARTITION   a partition was still in its first cold start, before any fault (not judged)
 * mode PARTITION MODE          a partition changed mode
 * plan FROM -> TO on core N    core N's schedule switched plans at the end of its major frame
 * hm WHO ERROR ACTION          the health monitor handled an error (WHO is a partition or "module")
 * console TEXT...              a partition printed a line
 * cpu PARTITION BUSY WIN MODE  its processes held a core BUSY us of its last window of WIN us; its mode then
 *                              (once per major frame)
 * done ID TEXT...              the kernel applied operator command ID ({@link CommandChannel})
 * refused ID WHY...            it refused it
 * ended WHY...                 the run ended (module shutdown); the child exits next
 * error WHY...                 the image could not be booted; the child exits next
 * </pre>
 * Anything else (a JVM warning) is ignored by the agent.
 */
public record ChildLine(String kind, String rest) {

    public static ChildLine parse(String line) {
        int sp = line.indexOf(' ');
        return sp < 0 ? new ChildLine(line, "") : new ChildLine(line.substring(0, sp), line.substring(sp + 1));
    }

    static String booted(String system, String board) {
        return "booted " + system + " " + board;
    }

    static String healthyFrame(long n) {
        return "frame " + n + " ok";
    }

    static String unhealthyFrame(long n, String why) {
        return "frame " + n + " bad " + why;
    }

    static String startingFrame(long n, String partition) {
        return "frame " + n + " starting " + partition;
    }

    static String mode(String partition, String mode) {
        return "mode " + partition + " " + mode;
    }

    static String plan(String from, String to, int core) {
        return "plan " + from + " -> " + to + " on core " + core;
    }

    static String hm(String who, String error, String action) {
        return "hm " + who + " " + error + " " + action;
    }

    static String console(String text) {
        return "console " + text.replace('\n', ' ');
    }

    static String cpu(String partition, long busyMicros, long windowMicros, String mode) {
        return "cpu " + partition + " " + busyMicros + " " + windowMicros + " " + mode;
    }

    static String done(String id, String text) {
        return "done " + id + " " + text.replace('\n', ' ');
    }

    static String refused(String id, String why) {
        return "refused " + id + " " + why.replace('\n', ' ');
    }

    static String ended(String why) {
        return "ended " + why;
    }

    static String error(String why) {
        return "error " + why.replace('\n', ' ');
    }

    /** For a {@code frame} line: true when healthy. */
    public boolean healthy() {
        return rest.endsWith(" ok") && rest.indexOf(' ') == rest.length() - 3;
    }

    /** For a {@code frame} line: true when a partition was still starting (the frame is not judged). */
    public boolean starting() {
        int sp = rest.indexOf(' ');
        return sp > 0 && rest.startsWith("starting ", sp + 1);
    }

    /** For a {@code frame} line: why it was not healthy. */
    public String why() {
        int at = rest.indexOf(" bad ");
        return at < 0 ? "" : rest.substring(at + 5);
    }
}
