// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.slots.internal;

/**
 * Counts a trial's major frames: it passes after {@code needed} healthy frames in a row, and fails once
 * {@code limit} frames went by without such a run (a system that keeps restarting a partition never gets
 * there). Not thread-safe; the board calls it under its lock.
 */
public final class Trial {

    /** What a frame did to the trial. */
    public enum Step {
        CONTINUE, PASSED, FAILED
    }

    private final String sha256;
    private final String slot;
    private final int needed;
    private final int limit;
    private final long startedNanos = System.nanoTime();
    private int healthyRun;
    private int frames;
    private String lastFault = "";

    public Trial(String sha256, String slot, int needed, int limit) {
        this.sha256 = sha256;
        this.slot = slot;
        this.needed = needed;
        this.limit = limit;
    }

    public String sha256() {
        return sha256;
    }

    public String slot() {
        return slot;
    }

    public Step frame(boolean healthy, String why) {
        frames++;
        if (healthy) {
            healthyRun++;
        } else {
            healthyRun = 0;
            lastFault = why;
        }
        if (healthyRun >= needed) {
            return Step.PASSED;
        }
        return frames >= limit ? Step.FAILED : Step.CONTINUE;
    }

    /** Why it failed, once {@link #frame} said so. */
    public String failure() {
        return "no " + needed + " healthy major frames in a row within " + limit + " frames"
                + (lastFault.isEmpty() ? "" : " (last fault: " + lastFault + ")");
    }

    public long elapsedMillis() {
        return (System.nanoTime() - startedNanos) / 1_000_000L;
    }
}
