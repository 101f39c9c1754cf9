// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent;

/** How a trial ended: {@code CONFIRMED}, {@code ROLLED_BACK} (with the board's reason) or still {@code PENDING}. */
public record Verdict(Outcome outcome, String reason) {

    public enum Outcome {
        CONFIRMED, ROLLED_BACK, PENDING
    }

    public static Verdict pending() {
        return new Verdict(Outcome.PENDING, "trial still running");
    }
}
