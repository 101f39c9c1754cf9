// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What an image holds: tool version, system name, security counter and every entry with its hash. Stored as
 * UTF-8 lines so {@code orrery image info} and a human with {@code strings} can read it:
 *
 * <pre>
 * orrery-image 1
 * orrery-version 0.1.0-SNAPSHOT
 * system flight-control
 * security-counter 3
 * entry apps/nav.jar 1234 &lt;sha256&gt;
 * ...
 * </pre>
 *
 * Entries are sorted by name so the same inputs give the same bytes.
 */
public record ImageManifest(String orreryVersion, String systemName, long securityCounter, List<ImageEntry> entries) {

    public ImageManifest {
        requireToken(orreryVersion, "orrery-version");
        requireToken(systemName, "system");
        if (securityCounter < 0) {
            throw new IllegalArgumentException("security counter must be >= 0, was " + securityCounter);
        }
        List<ImageEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(ImageEntry::name));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).name().equals(sorted.get(i - 1).name())) {
                throw new IllegalArgumentException("duplicate image entry " + sorted.get(i).name());
            }
        }
        entries = List.copyOf(sorted);
    }

    public byte[] toBytes() {
        StringBuilder s = new StringBuilder();
        s.append("orrery-image ").append(ImageFormat.VERSION).append('\n');
        s.append("orrery-version ").append(orreryVersion).append('\n');
        s.append("system ").append(systemName).append('\n');
        s.append("security-counter ").append(securityCounter).append('\n');
        for (ImageEntry e : entries) {
            s.append("entry ").append(e.name()).append(' ').append(e.size()).append(' ').append(e.sha256())
                    .append('\n');
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Parses manifest bytes; {@code IllegalArgumentException} names the offending line. */
    public static ImageManifest parse(byte[] bytes) {
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        if (lines.length < 5 || !lines[lines.length - 1].isEmpty()) {
            throw new IllegalArgumentException("manifest is incomplete");
        }
        expect(lines, 0, "orrery-image " + ImageFormat.VERSION);
        String version = value(lines, 1, "orrery-version");
        String system = value(lines, 2, "system");
        long counter = parseLong(value(lines, 3, "security-counter"), 4);
        List<ImageEntry> entries = new ArrayList<>();
        for (int i = 4; i < lines.length - 1; i++) {
            String[] parts = lines[i].split(" ", -1);
            if (parts.length != 4 || !parts[0].equals("entry")) {
                throw new IllegalArgumentException("manifest line " + (i + 1) + ": expected 'entry NAME SIZE SHA256'");
            }
            entries.add(new ImageEntry(parts[1], parseLong(parts[2], i + 1), parts[3]));
        }
        ImageManifest m = new ImageManifest(version, system, counter, entries);
        if (!java.util.Arrays.equals(m.toBytes(), bytes)) {
            throw new IllegalArgumentException("manifest is not in canonical form (entries unsorted or spacing)");
        }
        return m;
    }

    public ImageEntry entry(String name) {
        for (ImageEntry e : entries) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static void requireToken(String v, String what) {
        if (v == null || v.isEmpty() || !v.chars().allMatch(c -> c > 0x20 && c != 0x7f)) {
            throw new IllegalArgumentException(what + " must be a non-empty word without spaces, was '" + v + "'");
        }
    }

    private static void expect(String[] lines, int i, String text) {
        if (!lines[i].equals(text)) {
            throw new IllegalArgumentException("manifest line " + (i + 1) + ": expected '" + text + "'");
        }
    }

    private static String value(String[] lines, int i, String key) {
        if (!lines[i].startsWith(key + " ")) {
            throw new IllegalArgumentException("manifest line " + (i + 1) + ": expected '" + key + " ...'");
        }
        return lines[i].substring(key.length() + 1);
    }

    private static long parseLong(String s, int line) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("manifest line " + line + ": '" + s + "' is not a number");
        }
    }
}
