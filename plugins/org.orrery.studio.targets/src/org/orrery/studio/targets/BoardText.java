// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

import org.orrery.os.agent.BoardStatus;
import org.orrery.os.agent.ImageId;
import org.orrery.os.agent.SlotInfo;

/** The words the Boards view shows for a row: kept here, headless, so the CLI's terms and Studio's stay alike. */
public final class BoardText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private BoardText() {
    }

    /** As {@link #state(BoardRow)}, saying "live" while the board's event stream keeps the row current. */
    public static String state(BoardRow row, boolean live) {
        String s = state(row);
        return live && row.problem() == null && s.startsWith("online") ? "online, live" + s.substring("online".length()) : s;
    }

    /** "online", "unreachable: …" or "not contacted", with when the board was last seen. */
    public static String state(BoardRow row) {
        String seen = row.board().lastSeen() == null ? "never seen" : "last seen " + WHEN.format(row.board().lastSeen());
        if (row.checked() == null) {
            return "not contacted (" + seen + ")";
        }
        return row.problem() == null ? "online (" + seen + ")" : row.problem() + " (" + seen + ")";
    }

    /** The running image, from the live status, else from the registry's last snapshot. */
    public static String running(BoardRow row) {
        BoardStatus s = row.status();
        if (s == null) {
            return row.board().snapshot() == null ? "unknown" : row.board().snapshot();
        }
        return s.running() == null ? "nothing running" : image(s.running());
    }

    /** {@code a: good* (system version hash), b: trial (…)}; the star marks the boot selection. */
    public static String slots(BoardRow row) {
        BoardStatus s = row.status();
        if (s == null) {
            return "";
        }
        return s.slots().stream().map(BoardText::slot).collect(Collectors.joining(", "));
    }

    public static String slot(SlotInfo x) {
        return x.name() + ": " + x.state().name().toLowerCase(Locale.ROOT) + (x.selected() ? "*" : "")
                + (x.image() == null ? "" : " (" + image(x.image()) + ")");
    }

    public static String image(ImageId id) {
        String hash = id.sha256() == null ? "?" : id.sha256().substring(0, Math.min(12, id.sha256().length()));
        return id.system() + " " + id.version() + " " + hash;
    }
}
