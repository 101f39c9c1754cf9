// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.client;

import java.nio.file.Path;

/**
 * The user's Orrery home: the system property {@code orrery.home} when set (in-process tests), else the environment
 * variable {@code ORRERY_HOME} (tests, several identities on one account), else {@code ~/.orrery}.
 */
public final class OrreryHome {

    private OrreryHome() {
    }

    public static Path dir() {
        String prop = System.getProperty("orrery.home");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = System.getenv("ORRERY_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".orrery");
    }
}
