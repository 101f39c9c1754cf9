// SPDX-License-Identifier: EPL-2.0
package org.orrery.toolchain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.orrery.os.trace.ctf.CtfEvent;
import org.orrery.os.trace.ctf.CtfReader;
import org.orrery.os.trace.ctf.CtfStream;

/**
 * The hash a run's trace is pinned by: SHA-256 over its events, core by core in recorded order, one line each
 * ({@code core time name f0 f1 f2}). Only the events count: the files also carry the image's uuid, which changes
 * with every build of the OS jars although the run does not.
 */
final class TraceHash {

    private TraceHash() {
    }

    static String of(Path traceDir) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        StringBuilder line = new StringBuilder(64);
        for (CtfStream s : CtfReader.read(traceDir).streams()) {
            for (CtfEvent e : s.events()) {
                line.setLength(0);
                line.append(e.core()).append(' ').append(e.timestampNs()).append(' ').append(e.name()).append(' ')
                        .append(e.f0()).append(' ').append(e.f1()).append(' ').append(e.f2()).append('\n');
                sha.update(line.toString().getBytes(StandardCharsets.US_ASCII));
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
