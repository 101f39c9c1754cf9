// SPDX-License-Identifier: EPL-2.0
package org.orrery.toolchain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A folder that generated files are written into again and again ({@code orrery generate -o DIR}, Studio's
 * build): each time, what belongs there is written and what an earlier generation wrote but no longer belongs
 * (the Gantt chart of a removed plan, the constants of a removed partition) is removed. A manifest lists what
 * was written, so files anyone else put in the folder are never touched. Each file is replaced whole
 * ({@link OutputFile}): a generation cut short by an error or a crash leaves every earlier file as it was or
 * replaced by its new version, never half written.
 */
public final class GeneratedFolder {

    /** The manifest: one path per line, relative to the folder, '/'-separated. */
    public static final String MANIFEST = ".orrery-generated";
    private static final String HEADER = "# Files `orrery generate` wrote here; the next generate replaces or removes "
            + "them (and only them).";

    /** What one generation did: files written and stale files removed, as paths in the folder. */
    public record Result(List<Path> written, List<Path> removed) {}

    private GeneratedFolder() {
    }

    /** Writes {@code files} (relative path → bytes) into {@code dir} and removes what the last write left over. */
    public static Result write(Map<String, byte[]> files, Path dir) throws IOException {
        Files.createDirectories(dir);
        SortedSet<String> before = previous(dir);
        SortedSet<String> now = new TreeSet<>(files.keySet());
        // Listed before anything is written: a generation cut short leaves no file the next one would not know.
        SortedSet<String> either = new TreeSet<>(before);
        either.addAll(now);
        writeManifest(dir, either);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path target = inside(dir, e.getKey());
            byte[] content = e.getValue();
            OutputFile.write(target, out -> out.write(content));
            written.add(target);
        }
        List<Path> removed = new ArrayList<>();
        for (String stale : before) {
            Path p = now.contains(stale) ? null : insideOrNull(dir, stale);
            if (p != null && Files.isRegularFile(p)) {
                Files.delete(p);
                removed.add(p);
                removeEmptyParents(dir, p.getParent());
            }
        }
        writeManifest(dir, now);
        return new Result(List.copyOf(written), List.copyOf(removed));
    }

    private static SortedSet<String> previous(Path dir) throws IOException {
        SortedSet<String> listed = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(dir.resolve(MANIFEST), StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    listed.add(line.strip());
                }
            }
        } catch (NoSuchFileException first) {
            // Nothing generated here before (or by a version without manifests): nothing to clean up.
        }
        return listed;
    }

    private static void writeManifest(Path dir, Collection<String> paths) throws IOException {
        StringBuilder s = new StringBuilder(HEADER).append('\n');
        paths.forEach(p -> s.append(p).append('\n'));
        OutputFile.write(dir.resolve(MANIFEST), out -> out.write(s.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static Path inside(Path dir, String relative) throws IOException {
        Path p = insideOrNull(dir, relative);
        if (p == null) {
            throw new IOException("generated file '" + relative + "' would be outside " + dir);
        }
        return p;
    }

    /** A hand-edited manifest must not make us delete files outside the folder. */
    private static Path insideOrNull(Path dir, String relative) {
        Path base = dir.toAbsolutePath().normalize();
        Path p = base.resolve(relative).normalize();
        return p.startsWith(base) && !p.equals(base) ? p : null;
    }

    private static void removeEmptyParents(Path dir, Path from) throws IOException {
        Path base = dir.toAbsolutePath().normalize();
        for (Path d = from; d != null && !d.equals(base) && d.startsWith(base); d = d.getParent()) {
            try {
                Files.delete(d);
            } catch (DirectoryNotEmptyException inUse) {
                return;
            }
        }
    }
}
