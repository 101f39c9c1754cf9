// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.os;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.orrery.toolchain.Build;

import picocli.CommandLine.Option;

/**
 * {@code --apps DIR} for the commands that build partition applications, and the line that says where they
 * were looked for when some are missing: an .orcf written by {@code orrery generate -o} sits in another folder
 * than the {@code apps/} its paths name.
 */
final class ApplicationsOption {

    @Option(names = "--apps", paramLabel = "DIR",
            description = "Folder the partitions' application paths (source \"apps/...\") are relative to "
                    + "(default: the system file's folder). For an .orcf written by `orrery generate -o`, the "
                    + "folder of the system.orrery it came from.")
    Path dir;

    Build applyTo(Build build) {
        return dir == null ? build : build.applicationsFrom(dir);
    }

    /** After a failed build: if applications were missing, where they were looked for and how to say otherwise. */
    void explainMissing(Build build, Path system, PrintWriter err, String command) {
        List<Path> missing = build.missingApplications();
        if (missing.isEmpty()) {
            return;
        }
        Path root = build.applicationRoot();
        String where = root.toString().isEmpty() ? "." : root.toString();
        err.println(command + ": application sources are looked for relative to " + where
                + (dir == null ? " (the folder of " + system.getFileName() + ")" : " (--apps)") + "; not found: "
                + String.join(", ", missing.stream().map(Path::toString).toList())
                + (dir == null ? "; pass --apps DIR with the folder they are relative to (for an .orcf written by "
                        + "`orrery generate -o`, the folder of the system.orrery)" : ""));
    }
}
