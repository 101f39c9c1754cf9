// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;

import org.eclipse.core.runtime.Platform;
import org.orrery.os.image.SigningKeys;
import org.osgi.framework.FrameworkUtil;

/**
 * The workspace's development signing key. Images built in Studio are signed like any other (the loader
 * refuses unsigned ones); the key pair is created on first use in this bundle's state location, so it stays
 * with the workspace and never lands in a project that might be shared.
 */
public final class DevelopmentKeys {

    private DevelopmentKeys() {
    }

    public static Path directory() {
        return Platform.getStateLocation(FrameworkUtil.getBundle(DevelopmentKeys.class)).toPath().resolve("keys");
    }

    public static synchronized PrivateKey privateKey() throws IOException {
        ensure();
        return SigningKeys.readPrivate(directory().resolve(SigningKeys.PRIVATE_FILE));
    }

    public static synchronized PublicKey publicKey() throws IOException {
        return SigningKeys.readPublic(publicKeyFile());
    }

    /** The public key's file (board processes verify Studio's images against it themselves). */
    public static synchronized Path publicKeyFile() throws IOException {
        ensure();
        return directory().resolve(SigningKeys.PUBLIC_FILE);
    }

    private static void ensure() throws IOException {
        Path dir = directory();
        if (!Files.exists(dir.resolve(SigningKeys.PRIVATE_FILE))) {
            Files.createDirectories(dir);
            SigningKeys.writePair(SigningKeys.generate(), dir);
        }
    }
}
