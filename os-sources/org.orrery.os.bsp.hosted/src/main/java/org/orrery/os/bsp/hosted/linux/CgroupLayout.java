// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.linux;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.orrery.os.bsp.hosted.BoardUnavailableException;

/**
 * Which cgroup hierarchies are mounted under a root and where this process's own group is in each, found from
 * /proc/self/mountinfo and /proc/self/cgroup. Pure parsing: whether the groups are usable (controllers
 * delegated, writable) is checked by {@link Cgroups}. Two layouts are supported: {@link Kind#V2}, one cgroup2
 * mount at the root; and {@link Kind#HYBRID}, cgroup v1 hierarchies in sub-directories of the root (one per
 * controller) with an optional cgroup2 hierarchy beside them (usually {@code unified}) that can only freeze.
 */
final class CgroupLayout {
    /** The v1 controllers the hosted board limits partitions with. */
    static final List<String> V1_CONTROLLERS = List.of("memory", "pids", "cpuset");
    static final String V1_FREEZER = "freezer";
    static final String NEEDS =
            "the hosted board needs a delegated cgroup subtree with memory, pids, cpuset and freeze";

    enum Kind { V2, HYBRID }

    final Kind kind;
    final Path root;
    /** This process's group in the cgroup2 hierarchy; null in a hybrid layout without one. */
    final Path v2Group;
    /** Hybrid only: this process's group per v1 controller (memory, pids, cpuset and, if mounted, freezer). */
    final Map<String, Path> v1Groups;

    private CgroupLayout(Kind kind, Path root, Path v2Group, Map<String, Path> v1Groups) {
        this.kind = kind;
        this.root = root;
        this.v2Group = v2Group;
        this.v1Groups = Collections.unmodifiableMap(new LinkedHashMap<>(v1Groups)); // mount order, for describe()
    }

    /**
     * Finds the layout under {@code root} from the texts of /proc/self/mountinfo and /proc/self/cgroup; throws
     * with one line when the root holds no usable cgroup mounts.
     */
    static CgroupLayout parse(Path root, String mountinfo, String procSelfCgroup) throws BoardUnavailableException {
        Path r = root.toAbsolutePath().normalize();
        Map<Path, MountInfo> visible = new LinkedHashMap<>();
        for (MountInfo m : MountInfo.parse(mountinfo)) {
            if (m.mountPoint().equals(r) || r.equals(m.mountPoint().getParent())) {
                visible.put(m.mountPoint(), m); // a later mount on the same point hides the earlier one
            }
        }
        visible.values().removeIf(m -> !m.fsType().equals("cgroup") && !m.fsType().equals("cgroup2"));
        MountInfo atRoot = visible.get(r);
        if (atRoot != null && atRoot.fsType().equals("cgroup2")) {
            return new CgroupLayout(Kind.V2, r, ownGroup(atRoot, v2Path(procSelfCgroup, atRoot)), Map.of());
        }
        Map<String, Path> v1 = new LinkedHashMap<>();
        Path v2 = null;
        for (MountInfo m : visible.values()) {
            if (m.fsType().equals("cgroup2")) {
                v2 = ownGroup(m, v2Path(procSelfCgroup, m));
                continue;
            }
            for (String c : m.superOptions()) {
                if (V1_CONTROLLERS.contains(c) || c.equals(V1_FREEZER)) {
                    v1.put(c, ownGroup(m, v1Path(procSelfCgroup, c, m)));
                }
            }
        }
        if (visible.isEmpty()) {
            throw new BoardUnavailableException(r + ": no cgroup file system mounted there or below it (looked in "
                    + "/proc/self/mountinfo): " + NEEDS);
        }
        List<String> missing = V1_CONTROLLERS.stream().filter(c -> !v1.containsKey(c)).toList();
        if (!missing.isEmpty() || (v2 == null && !v1.containsKey(V1_FREEZER))) {
            String what = missing.isEmpty() ? "a freezer (v1 freezer or a cgroup2 hierarchy)"
                    : "controller" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing);
            throw new BoardUnavailableException(r + ": no cgroup2 mounted there and no cgroup v1 hierarchy with "
                    + what + " below it (looked in /proc/self/mountinfo): " + NEEDS);
        }
        return new CgroupLayout(Kind.HYBRID, r, v2, v1);
    }

    /** The directory of this process's group: the mount point plus the group path below the mount's root. */
    private static Path ownGroup(MountInfo m, String groupPath) throws BoardUnavailableException {
        String mountRoot = m.root().equals("/") ? "" : m.root();
        if (!groupPath.equals(mountRoot) && !groupPath.startsWith(mountRoot + "/")) {
            throw new BoardUnavailableException(m.mountPoint() + ": this process's cgroup " + groupPath
                    + " (from /proc/self/cgroup) is outside the part mounted there (" + m.root() + "): " + NEEDS);
        }
        String rel = groupPath.substring(mountRoot.length()).replaceFirst("^/+", "");
        return rel.isEmpty() ? m.mountPoint() : m.mountPoint().resolve(rel);
    }

    private static String v2Path(String procSelfCgroup, MountInfo m) throws BoardUnavailableException {
        for (String line : procSelfCgroup.split("\n")) {
            if (line.startsWith("0::")) {
                return line.substring(3).trim();
            }
        }
        throw new BoardUnavailableException(m.mountPoint() + ": cgroup2 is mounted but /proc/self/cgroup has no "
                + "\"0::\" line for it: " + NEEDS);
    }

    private static String v1Path(String procSelfCgroup, String controller, MountInfo m)
            throws BoardUnavailableException {
        for (String line : procSelfCgroup.split("\n")) {
            String[] f = line.split(":", 3);
            if (f.length == 3 && Set.of(f[1].split(",")).contains(controller)) {
                return f[2].trim();
            }
        }
        throw new BoardUnavailableException(m.mountPoint() + ": cgroup v1 " + controller + " is mounted but "
                + "/proc/self/cgroup has no line for it: " + NEEDS);
    }

    /** One line for logs, e.g. "hybrid: v1 memory at /sys/fs/cgroup/memory/x, ..., v2 at /sys/fs/cgroup/unified". */
    String describe() {
        if (kind == Kind.V2) {
            return "cgroup v2 at " + v2Group;
        }
        StringBuilder b = new StringBuilder(v2Group == null ? "cgroup v1: " : "cgroup hybrid: ");
        v1Groups.forEach((c, p) -> b.append("v1 ").append(c).append(" at ").append(p).append(", "));
        if (v2Group != null) {
            b.append("v2 at ").append(v2Group).append(", ");
        }
        return b.substring(0, b.length() - 2);
    }
}
