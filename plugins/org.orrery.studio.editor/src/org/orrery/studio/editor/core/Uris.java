// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.core;

import java.net.URI;
import java.nio.file.Path;

/**
 * Compares document URIs. Xtext answers with {@code file:///x} where Eclipse says {@code file:/x}, so URIs are
 * matched by the file they name, not by their spelling.
 */
public final class Uris {

    private Uris() {
    }

    public static String key(String uri) {
        try {
            URI u = URI.create(uri);
            if ("file".equals(u.getScheme())) {
                return Path.of(u).normalize().toString();
            }
        } catch (IllegalArgumentException e) {
            // Not a URI a path can be made of: the spelling is all there is to compare.
        }
        return uri;
    }

    /** The URI Xtext uses for a local file, so requests name documents exactly as the server does. */
    public static String of(Path file) {
        return file.toAbsolutePath().normalize().toUri().toString();
    }
}
