// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets;

import java.time.Instant;

import org.orrery.os.agent.BoardStatus;
import org.orrery.os.agent.client.BoardRegistry.Board;

/**
 * What Studio knows about one board: its registry entry, and the outcome of the last contact in this session.
 *
 * @param status what the board reported at the last successful contact, or null when none succeeded yet
 * @param problem why the last contact failed (one line, fit to show), or null when it succeeded or none was made
 * @param checked when the last contact was attempted, or null
 */
public record BoardRow(Board board, BoardStatus status, String problem, Instant checked) {

    public String name() {
        return board.name();
    }

    public boolean online() {
        return checked != null && problem == null;
    }
}
