// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.linux;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One line of /proc/self/mountinfo: where a file system is mounted, which directory of it is shown there
 * (not "/" for bind mounts and cgroup namespaces), its type and its super options (a cgroup v1 mount's
 * controllers).
 */
record MountInfo(Path mountPoint, String root, String fsType, Set<String> superOptions) {

    /** Parses mountinfo text; later lines are later mounts, so a mount point's last line is the visible one. */
    static List<MountInfo> parse(String text) {
        List<MountInfo> mounts = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split(" ");
            int dash = List.of(f).indexOf("-");
            if (f.length < 7 || dash < 6 || dash + 3 > f.length) {
                continue;
            }
            String options = dash + 3 < f.length ? f[dash + 3] : "";
            mounts.add(new MountInfo(Path.of(unescape(f[4])), unescape(f[3]), f[dash + 1],
                    Set.copyOf(List.of(options.split(",")))));
        }
        return mounts;
    }

    /** The kernel writes space, tab, newline and backslash in paths as octal escapes (\040). */
    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 4 <= s.length()
                    && s.substring(i + 1, i + 4).chars().allMatch(d -> d >= '0' && d <= '7')) {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
