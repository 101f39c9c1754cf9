// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.os;

import java.nio.file.Path;

import org.orrery.os.agent.client.OrreryHome;
import org.orrery.os.image.SigningKeys;

/**
 * Where {@code orrery keygen} puts keys by default and where build and run look for them: {@code keys} in the
 * user's Orrery home ({@code ORRERY_HOME}, else {@code ~/.orrery}), beside the client identity the boards commands use.
 */
final class KeyLocations {

    private KeyLocations() {
    }

    static Path defaultDir() {
        return OrreryHome.dir().resolve("keys");
    }

    static Path defaultPrivate() {
        return defaultDir().resolve(SigningKeys.PRIVATE_FILE);
    }

    static Path defaultPublic() {
        return defaultDir().resolve(SigningKeys.PUBLIC_FILE);
    }
}
