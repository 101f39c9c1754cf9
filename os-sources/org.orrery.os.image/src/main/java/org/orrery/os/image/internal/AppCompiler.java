// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles one partition's application sources in memory against the OS API. Output is deterministic: the
 * sources are sorted, options fixed, no annotation processing, and class files are collected in a sorted map.
 */
public final class AppCompiler {

    /**
     * Fixed options: same sources, same class files, whichever machine builds. String concatenation is compiled to
     * StringBuilder calls ({@code -XDstringConcat=inline}, as the JDK compiles its own base module): javac's default
     * links each concatenation at its first run through {@code StringConcatFactory}, 5-14 ms of a cold partition
     * JVM for one expression (measured), which a process with a deadline pays in its first activation (part of why
     * the flight-control example's 25 ms control loop missed its first deadline on the hosted board).
     */
    static final List<String> OPTIONS = List.of("--release", "21", "-g", "-encoding", "UTF-8", "-proc:none",
            "-implicit:class", "-Xlint:none", "-nowarn", "-XDstringConcat=inline");

    /** Compiled class files (path inside the jar → bytes) or the errors, formatted file:line:col. */
    public record Result(SortedMap<String, byte[]> classes, List<String> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private AppCompiler() {
    }

    /**
     * @param sourceDir  the partition's sources (all {@code *.java} below it)
     * @param displayDir how to print {@code sourceDir} in messages (e.g. relative to the system file)
     * @param generated  extra in-memory sources (relative path → text), e.g. generated port constants
     * @param classpath  the API jars or class directories
     */
    public static Result compile(Path sourceDir, String displayDir, SortedMap<String, String> generated,
            List<Path> classpath) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            return new Result(new TreeMap<>(), List.of("no Java compiler available: run the tool on a JDK, not a JRE"));
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sourceDir)) {
            files = walk.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".java"))
                    .sorted(Comparator.comparing(p -> sourceDir.relativize(p).toString())).toList();
        }
        if (files.isEmpty() && generated.isEmpty()) {
            return new Result(new TreeMap<>(), List.of(displayDir + ": no .java sources"));
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager std = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
        std.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
        std.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
        Map<String, ByteArrayOutputStream> out = new TreeMap<>();
        List<JavaFileObject> units = new ArrayList<>();
        std.getJavaFileObjectsFromPaths(files).forEach(units::add);
        generated.forEach((name, text) -> units.add(new MemorySource(name, text)));
        try (InMemoryOutput fm = new InMemoryOutput(std, out)) {
            StringWriter noise = new StringWriter();
            Boolean ok = javac.getTask(noise, fm, diagnostics, OPTIONS, null, units).call();
            List<String> errors = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    errors.add(format(d, sourceDir, displayDir));
                }
            }
            if (!ok && errors.isEmpty()) {
                errors.add(displayDir + ": compilation failed: " + noise.toString().strip());
            }
            SortedMap<String, byte[]> classes = new TreeMap<>();
            if (errors.isEmpty()) {
                out.forEach((k, v) -> classes.put(k, v.toByteArray()));
            }
            return new Result(classes, errors);
        }
    }

    /**
     * Everything in {@code sourceDir} that is not Java source (scripts, tables, images): packaged next to the
     * classes, readable through {@code getResourceAsStream}. Hidden files and directories are skipped.
     */
    public static SortedMap<String, byte[]> resources(Path sourceDir) throws IOException {
        SortedMap<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(sourceDir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = sourceDir.relativize(p).toString().replace('\\', '/');
                boolean hidden = java.util.Arrays.stream(rel.split("/")).anyMatch(part -> part.startsWith("."));
                if (!rel.endsWith(".java") && !hidden) {
                    out.put(rel, Files.readAllBytes(p));
                }
            }
        }
        return out;
    }

    private static String format(Diagnostic<? extends JavaFileObject> d, Path sourceDir, String displayDir) {
        String file;
        if (d.getSource() == null) {
            file = displayDir;
        } else if (d.getSource() instanceof MemorySource m) {
            file = "<generated>/" + m.relative;
        } else {
            Path p = Path.of(d.getSource().toUri());
            file = displayDir + "/" + sourceDir.toAbsolutePath().relativize(p).toString().replace('\\', '/');
        }
        String where = d.getLineNumber() > 0 ? file + ":" + d.getLineNumber() + ":" + d.getColumnNumber() : file;
        return where + ": error: " + oneLine(d.getMessage(Locale.ROOT));
    }

    /**
     * javac's message on one line. Its first line alone ("cannot find symbol") hides what is wrong; the detail
     * lines name it ("symbol: variable y", "location: class demo.Alpha"), so they are kept.
     */
    static String oneLine(String message) {
        String[] lines = message.strip().split("\\R");
        StringBuilder out = new StringBuilder(lines[0].strip());
        List<String> context = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip().replaceAll("\\s+", " ");
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("symbol: ")) {
                out.append(": ").append(line.substring("symbol: ".length()));
            } else {
                context.add(line);
            }
        }
        return context.isEmpty() ? out.toString() : out + " (" + String.join("; ", context) + ")";
    }

    private static final class MemorySource extends SimpleJavaFileObject {
        final String relative;
        private final String text;

        MemorySource(String relative, String text) {
            super(URI.create("mem:///" + relative), Kind.SOURCE);
            this.relative = relative;
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    /** Keeps class files in memory instead of writing them to disk. */
    private static final class InMemoryOutput extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final Map<String, ByteArrayOutputStream> out;

        InMemoryOutput(StandardJavaFileManager std, Map<String, ByteArrayOutputStream> out) {
            super(std);
            this.out = out;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) {
            String path = className.replace('.', '/') + kind.extension;
            return new SimpleJavaFileObject(URI.create("mem:///" + path), kind) {
                @Override
                public OutputStream openOutputStream() {
                    ByteArrayOutputStream b = new ByteArrayOutputStream();
                    out.put(path, b);
                    return b;
                }
            };
        }
    }
}
