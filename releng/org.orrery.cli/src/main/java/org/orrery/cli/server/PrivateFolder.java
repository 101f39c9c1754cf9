// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Where the compile server's authentication lives: its endpoint file (port and token) is in a folder that belongs
 * to the user and that nobody else may enter (mode 0700), so only the user's processes can read the token. The
 * server refuses to serve from anywhere else.
 */
final class PrivateFolder {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private PrivateFolder() {
    }

    /** Why {@code dir} is not a private folder of this user, or null when it is. */
    static String problem(Path dir) {
        try {
            if (dir == null || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                return dir + " is not a folder";
            }
            String owner = Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName();
            if (!owner.equals(System.getProperty("user.name"))) {
                return dir + " belongs to " + owner + ", not to " + System.getProperty("user.name");
            }
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
            if (!perms.equals(OWNER_ONLY)) {
                return dir + " has mode " + PosixFilePermissions.toString(perms) + "; it must be rwx------ (0700)";
            }
            return null;
        } catch (IOException | UnsupportedOperationException e) {
            return "cannot check " + dir + ": " + e.getMessage();
        }
    }
}
