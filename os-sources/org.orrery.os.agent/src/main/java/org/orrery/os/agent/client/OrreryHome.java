// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.client;

import java.nio.file.Path;

/** The user's Orrery home: {@code ORRERY_HOME} when set (tests, several users on one account), else {@code ~/.orrery}. */
public final class OrreryHome {

    private OrreryHome() {
    }

    public static Path dir() {
        String env = System.getenv("ORRERY_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".orrery");
    }
}
