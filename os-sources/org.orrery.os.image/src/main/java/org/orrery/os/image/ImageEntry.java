// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image;

import java.util.regex.Pattern;

/** One manifest line: entry name, size in bytes and SHA-256 (lower-case hex) of its payload. */
public record ImageEntry(String name, long size, String sha256) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public ImageEntry {
        if (!NAME.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException("invalid image entry name '" + name + "'");
        }
        if (size < 0) {
            throw new IllegalArgumentException("entry " + name + ": negative size");
        }
        if (!HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("entry " + name + ": sha256 must be 64 lower-case hex digits");
        }
    }
}
