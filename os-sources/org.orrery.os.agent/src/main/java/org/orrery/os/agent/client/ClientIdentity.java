// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.client;

import java.io.IOException;
import java.nio.file.Path;

import org.orrery.os.agent.Identity;

/** The user's key pair, {@code HOME/identity/}, created on first use; boards authorise its fingerprint. */
public final class ClientIdentity {

    private final Identity identity;

    private ClientIdentity(Identity identity) {
        this.identity = identity;
    }

    public static ClientIdentity loadOrCreate(Path home) throws IOException {
        String user = System.getProperty("user.name", "user");
        return new ClientIdentity(Identity.loadOrCreate(home.resolve("identity"), "orrery-user-" + user));
    }

    public Identity identity() {
        return identity;
    }

    public String fingerprint() {
        return identity.fingerprint();
    }
}
