// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.linux;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.orrery.os.bsp.hosted.BoardUnavailableException;

/**
 * The cgroups of this machine as the hosted board uses them: the layout found at start (pure cgroup v2, or the
 * hybrid of v1 controllers and a freeze-only cgroup2 hierarchy), checked for what the board needs, and the
 * factory of board groups below this process's own groups (its delegated subtree). Nothing falls back
 * silently: a missing controller, delegation or permission is one line naming it and where it was looked for.
 */
public final class Cgroups {
    public static final Path DEFAULT_ROOT = Path.of("/sys/fs/cgroup");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private final CgroupLayout layout;
    private final GroupFactory factory;

    private Cgroups(CgroupLayout layout, GroupFactory factory) {
        this.layout = layout;
        this.factory = factory;
    }

    /** Detects the layout under /sys/fs/cgroup. */
    public static Cgroups detect() throws BoardUnavailableException {
        return detect(DEFAULT_ROOT);
    }

    /** Detects the layout under {@code root}, using this process's /proc/self/mountinfo and /proc/self/cgroup. */
    public static Cgroups detect(Path root) throws BoardUnavailableException {
        String mountinfo;
        String procCgroup;
        try {
            mountinfo = Files.readString(Path.of("/proc/self/mountinfo"));
            procCgroup = Files.readString(Path.of("/proc/self/cgroup"));
        } catch (IOException e) {
            throw new BoardUnavailableException("/proc/self/mountinfo, /proc/self/cgroup: cannot read ("
                    + CgroupFiles.reason(e) + "): the hosted board needs Linux with /proc and cgroups");
        }
        CgroupLayout layout = CgroupLayout.parse(root, mountinfo, procCgroup);
        if (layout.kind == CgroupLayout.Kind.V2) {
            List<String> missing = V2Groups.missingControllers(layout.v2Group);
            if (!missing.isEmpty()) {
                throw new BoardUnavailableException(layout.v2Group.resolve("cgroup.controllers") + ": controller"
                        + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + " not delegated to this "
                        + "process's group: " + CgroupLayout.NEEDS);
            }
            return new Cgroups(layout, new V2Groups(layout));
        }
        return new Cgroups(layout, new HybridGroups(layout, layout.v2Group != null
                ? FreezeInterface.V2_CGROUP_FREEZE : FreezeInterface.V1_FREEZER));
    }

    /** The same cgroups frozen through {@code kind} (a hybrid layout offers both); refused where it is missing. */
    public Cgroups freezeWith(FreezeInterface kind) throws BoardUnavailableException {
        if (kind == factory.freezeInterface()) {
            return this;
        }
        if (layout.kind == CgroupLayout.Kind.V2) {
            throw new BoardUnavailableException(layout.root + ": pure cgroup v2 has no v1 freezer");
        }
        if (kind == FreezeInterface.V1_FREEZER && !layout.v1Groups.containsKey(CgroupLayout.V1_FREEZER)) {
            throw new BoardUnavailableException(layout.root + ": no cgroup v1 freezer hierarchy mounted below it");
        }
        if (kind == FreezeInterface.V2_CGROUP_FREEZE && layout.v2Group == null) {
            throw new BoardUnavailableException(layout.root + ": no cgroup2 hierarchy mounted below it");
        }
        return new Cgroups(layout, new HybridGroups(layout, kind));
    }

    public FreezeInterface freezeInterface() {
        return factory.freezeInterface();
    }

    /** One line for logs: the layout, this process's groups and the freeze interface. */
    public String describe() {
        return layout.describe() + "; freeze with " + factory.freezeInterface();
    }

    /**
     * Creates the group of board {@code name} in every hierarchy, below this process's own group; refused with
     * one line where a directory cannot be created or a control file written.
     */
    public BoardGroup createBoard(String name) throws BoardUnavailableException {
        checkName(name);
        return new CgroupBoard(name, factory, factory.createBoard(name));
    }

    /**
     * Removes the groups of boards that ended without removing them (a kernel process the board's watchdog
     * killed, say): every board group named {@code PREFIX<pid>-...} whose process {@code pid} no longer runs and
     * whose partition groups hold no process. Groups still holding processes are left alone. Returns how many
     * board groups were removed.
     */
    public int removeStaleBoards(String prefix) {
        Set<String> removed = new HashSet<>();
        for (Path parent : factory.boardParents()) {
            for (File child : directories(parent)) {
                String name = child.getName();
                if (name.startsWith(prefix) && !running(name.substring(prefix.length())) && removeEmpty(child.toPath())) {
                    removed.add(name);
                }
            }
        }
        return removed.size();
    }

    private static File[] directories(Path dir) {
        File[] children = dir.toFile().listFiles(File::isDirectory);
        return children == null ? new File[0] : children;
    }

    /** Whether the pid that begins {@code rest} ("1234-1") is a running process. */
    private static boolean running(String rest) {
        int dash = rest.indexOf('-');
        try {
            long pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
            // /proc, not ProcessHandle: a killed process its parent has not reaped yet still counts as alive there
            return Files.exists(Path.of("/proc/" + pid + "/task"));
        } catch (NumberFormatException e) {
            return true; // not a board group this naming made: leave it
        }
    }

    /** Removes an empty group tree (children first); false, and nothing more removed, once a group holds a task. */
    private static boolean removeEmpty(Path dir) {
        for (File c : directories(dir)) {
            if (!removeEmpty(c.toPath())) {
                return false;
            }
        }
        try {
            Files.deleteIfExists(dir);
            return true;
        } catch (IOException e) {
            return false; // busy: a process still lives in it
        }
    }

    /** Group names: letters, digits, '-' and '_' (no '.', which would clash with control files). */
    static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("cgroup name \"" + name + "\": use letters, digits, '-' and '_' "
                    + "(at most 64, starting with a letter or digit)");
        }
    }
}
