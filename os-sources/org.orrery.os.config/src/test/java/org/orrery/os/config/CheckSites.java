// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The places in the validator sources where a problem can be reported, read from the sources so that a new
 * check cannot be added without the fixture table noticing. A validator file is one that declares a
 * {@link Problems} (always named {@code p}); a reporting line calls {@code p.something(...)} or passes {@code p}
 * on ({@code multiple(p, ...)}, {@code endpoint(p, ...)}): a helper called from two places thus needs a row for
 * each caller. Helper lines are the lines in {@code Problems} that add a problem (a name has three).
 */
final class CheckSites {
    static final Path SOURCES = Path.of(System.getProperty("basedir", "."), "src/main/java/org/orrery/os/config");
    private static final Pattern DECLARATION = Pattern.compile("\\bProblems\\s+(\\w+)\\s*[,)=]");
    private static final Pattern REPORTING = Pattern.compile("\\bp\\.\\w+\\(|\\w\\(p[,)]");
    private static final Pattern HELPER_ADD = Pattern.compile("(?<![.\\w])add\\(");

    private CheckSites() {
    }

    static Set<String> validatorFiles() {
        Set<String> files = new TreeSet<>();
        for (Path f : javaFiles()) {
            Matcher m = DECLARATION.matcher(read(f));
            while (m.find()) {
                if (!m.group(1).equals("p")) {
                    throw new IllegalStateException(f.getFileName() + " names a Problems '" + m.group(1)
                            + "': the scan only finds calls on 'p'");
                }
                files.add(f.getFileName().toString());
            }
        }
        files.remove("Problems.java");
        return files;
    }

    /** "File.java:line" of every reporting line of the validator files. */
    static Set<String> reportingLines() {
        Set<String> lines = new TreeSet<>();
        for (String file : validatorFiles()) {
            List<String> text = read(SOURCES.resolve(file)).lines().toList();
            for (int i = 0; i < text.size(); i++) {
                if (REPORTING.matcher(text.get(i)).find()) {
                    lines.add(file + ":" + (i + 1));
                }
            }
        }
        return lines;
    }

    /** "Problems.java:line" of every line where a {@code Problems} helper adds a problem. */
    static Set<String> helperLines() {
        Set<String> lines = new TreeSet<>();
        List<String> text = read(SOURCES.resolve("Problems.java")).lines().toList();
        for (int i = 0; i < text.size(); i++) {
            if (HELPER_ADD.matcher(text.get(i)).find() && !text.get(i).contains("void add(")) {
                lines.add("Problems.java:" + (i + 1));
            }
        }
        return lines;
    }

    private static List<Path> javaFiles() {
        try (Stream<Path> files = Files.list(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("validator sources not found at " + SOURCES.toAbsolutePath(), e);
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
