// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.client;

import java.util.stream.Collectors;

import org.orrery.os.agent.BoardStatus;
import org.orrery.os.agent.ImageId;

/** One line for people and for the registry: running image (system, version, short hash) and slot states. */
public final class StatusSnapshot {

    private StatusSnapshot() {
    }

    public static String of(BoardStatus s) {
        String running = s.running() == null ? "nothing running" : "running " + image(s.running())
                + (s.bootedSlot() == null ? "" : " from slot " + s.bootedSlot());
        String slots = s.slots().stream()
                .map(x -> x.name() + "=" + x.state().name().toLowerCase(java.util.Locale.ROOT) + (x.selected() ? "*" : "")
                        + (x.image() == null ? "" : "(" + image(x.image()) + ")"))
                .collect(Collectors.joining(" "));
        return s.board() + ": " + running + "; slots " + (slots.isEmpty() ? "none" : slots);
    }

    private static String image(ImageId id) {
        String hash = id.sha256() == null ? "?" : id.sha256().substring(0, Math.min(12, id.sha256().length()));
        return id.system() + " " + id.version() + " " + hash;
    }
}
