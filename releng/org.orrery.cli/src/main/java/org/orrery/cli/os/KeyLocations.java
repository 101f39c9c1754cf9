// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.os;

import java.nio.file.Path;

import org.orrery.os.image.SigningKeys;

/** Where {@code orrery keygen} puts keys by default and where build and run look for them. */
final class KeyLocations {

    private KeyLocations() {
    }

    static Path defaultDir() {
        return Path.of(System.getProperty("user.home"), ".orrery", "keys");
    }

    static Path defaultPrivate() {
        return defaultDir().resolve(SigningKeys.PRIVATE_FILE);
    }

    static Path defaultPublic() {
        return defaultDir().resolve(SigningKeys.PUBLIC_FILE);
    }
}
