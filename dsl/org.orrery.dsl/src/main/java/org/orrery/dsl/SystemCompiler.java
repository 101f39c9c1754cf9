// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;
import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.orrery.dsl.generator.ConfigBuilder;
import org.orrery.dsl.model.SystemView;
import org.orrery.dsl.orrery.Model;
import org.orrery.dsl.syntax.Declarations;
import org.orrery.dsl.validation.OrreryIssueCodes;
import org.orrery.os.config.ConfigProblem;
import org.orrery.os.config.ConfigValidator;
import org.orrery.os.config.SystemConfig;

import com.google.inject.Injector;

/**
 * Headless entry to the language: load files (and what they import), validate, and build the canonical
 * configuration when nothing is wrong. No Eclipse workbench is needed. Each call uses a fresh resource
 * set, so one compiler can serve many compilations (not concurrently).
 */
public final class SystemCompiler {

    private static volatile Injector sharedInjector;

    private final Injector injector;

    private SystemCompiler(Injector injector) {
        this.injector = injector;
    }

    public static SystemCompiler create() {
        Injector i = sharedInjector;
        if (i == null) {
            synchronized (SystemCompiler.class) {
                i = sharedInjector;
                if (i == null) {
                    i = new OrreryStandaloneSetup().createInjectorAndDoEMFRegistration();
                    sharedInjector = i;
                }
            }
        }
        return new SystemCompiler(i);
    }

    /**
     * Over an injector the caller shares with its other language services (an IDE's builder and editors), so
     * one process holds one set-up of the language.
     */
    public static SystemCompiler with(Injector injector) {
        return new SystemCompiler(injector);
    }

    /** The language's keywords (importers escape names that collide with them). */
    public Set<String> keywords() {
        return Set.copyOf(GrammarUtil.getAllKeywords(injector.getInstance(IGrammarAccess.class).getGrammar()));
    }

    public Compilation compile(Path... files) {
        XtextResourceSet set = injector.getInstance(XtextResourceSet.class);
        DiagnosticMapper mapper = new DiagnosticMapper();
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Resource> given = new ArrayList<>();
        for (Path file : files) {
            Resource r = load(set, file, mapper, diagnostics);
            if (r != null) {
                given.add(r);
            }
        }
        return finish(given, mapper, diagnostics);
    }

    /**
     * Compiles {@code text} as if it were the content of {@code file} (imports resolve next to it). For
     * editors with unsaved buffers, and for tests that generate many inputs.
     */
    public Compilation compileSource(Path file, String text) {
        XtextResourceSet set = injector.getInstance(XtextResourceSet.class);
        DiagnosticMapper mapper = new DiagnosticMapper();
        List<Diagnostic> diagnostics = new ArrayList<>();
        URI uri = URI.createFileURI(file.toAbsolutePath().normalize().toString());
        mapper.remember(uri, file);
        Resource r = set.createResource(uri);
        try {
            r.load(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    set.getLoadOptions());
        } catch (java.io.IOException | RuntimeException e) {
            diagnostics.add(new Diagnostic(file, 1, 1, Diagnostic.Severity.ERROR, OrreryIssueCodes.FILE_UNREADABLE,
                    "Cannot read " + file + ": " + describe(e)));
            return new Compilation(diagnostics, null, null);
        }
        return finish(List.of(r), mapper, diagnostics);
    }

    private Compilation finish(List<Resource> given, DiagnosticMapper mapper, List<Diagnostic> diagnostics) {
        // Imports are loaded while the closures are computed; validate every file that takes part. A given file
        // that the parser made nothing of is validated too: its syntax errors are all there is to say about it.
        Set<Resource> toValidate = new LinkedHashSet<>();
        List<Model> models = new ArrayList<>();
        for (Resource r : given) {
            toValidate.add(r);
            Model m = modelOf(r);
            if (m == null) {
                continue;
            }
            models.add(m);
            for (Model part : SystemView.of(m).models()) {
                toValidate.add(part.eResource());
            }
        }
        IResourceValidator validator = injector.getInstance(IResourceValidator.class);
        for (Resource r : toValidate) {
            for (Issue issue : validator.validate(r, CheckMode.ALL, CancelIndicator.NullImpl)) {
                diagnostics.add(mapper.map(r, issue));
            }
        }
        for (Resource r : given) {
            if (r.getErrors().isEmpty() && declaresNothing(modelOf(r))) {
                // Not even a fragment: an empty file, or one of comments only, must not pass as checked.
                diagnostics.add(new Diagnostic(mapper.pathOf(r), 1, 1, Diagnostic.Severity.ERROR, OrreryIssueCodes.NO_SYSTEM,
                        "The file declares nothing: an Orrery file declares a 'system', or parts that a system imports."));
            }
        }
        diagnostics.sort(Comparator.comparing((Diagnostic d) -> d.file().toString())
                .thenComparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
        Map<Path, Resource> byPath = new HashMap<>();
        toValidate.forEach(r -> byPath.put(mapper.pathOf(r), r));
        Map<Path, NavigableSet<Integer>> declarations = new HashMap<>();
        diagnostics = SyntaxFirst.apply(diagnostics, path -> declarations.computeIfAbsent(path,
                p -> SyntaxFirst.declarationLines(textOf(byPath.get(p)), Declarations.starters(grammarEntry()))));
        Model root = models.stream().filter(m -> m.getSystem() != null).findFirst().orElse(null);
        SystemView view = root == null ? null : SystemView.of(root);
        if (view == null || diagnostics.stream().anyMatch(Diagnostic::isError)) {
            return new Compilation(diagnostics, null, view);
        }
        SystemConfig config = ConfigBuilder.build(view);
        List<ConfigProblem> problems = ConfigValidator.validate(config);
        if (!problems.isEmpty()) {
            // The language's rules should already have refused this model; say which field the OS rejects.
            ICompositeNode node = NodeModelUtils.getNode(root.getSystem());
            int line = node == null ? 1 : node.getStartLine();
            for (ConfigProblem p : problems) {
                diagnostics.add(new Diagnostic(mapper.pathOf(root.eResource()), line, 1, Diagnostic.Severity.ERROR,
                        OrreryIssueCodes.CONFIG_INVALID, p.field() + ": " + p.message()));
            }
            return new Compilation(diagnostics, null, view);
        }
        return new Compilation(diagnostics, config, view);
    }

    private ParserRule grammarEntry() {
        return (ParserRule) GrammarUtil.allRules(injector.getInstance(IGrammarAccess.class).getGrammar()).get(0);
    }

    private static String textOf(Resource r) {
        return r instanceof XtextResource x && x.getParseResult() != null ? x.getParseResult().getRootNode().getText() : "";
    }

    private static Model modelOf(Resource r) {
        return !r.getContents().isEmpty() && r.getContents().get(0) instanceof Model m ? m : null;
    }

    private static boolean declaresNothing(Model m) {
        return m == null || (m.getSystem() == null && m.getImports().isEmpty() && m.getElements().isEmpty());
    }

    private static Resource load(XtextResourceSet set, Path file, DiagnosticMapper mapper, List<Diagnostic> out) {
        if (!Files.isRegularFile(file)) {
            String why = Files.isDirectory(file) ? "it is a directory." : "no such file.";
            out.add(new Diagnostic(file, 1, 1, Diagnostic.Severity.ERROR, OrreryIssueCodes.FILE_UNREADABLE,
                    "Cannot read " + file + ": " + why));
            return null;
        }
        URI uri = URI.createFileURI(file.toAbsolutePath().normalize().toString());
        mapper.remember(uri, file);
        try {
            Resource r = set.getResource(uri, true);
            if (r instanceof XtextResource) {
                return r;
            }
            out.add(new Diagnostic(file, 1, 1, Diagnostic.Severity.ERROR, OrreryIssueCodes.FILE_UNREADABLE,
                    "Cannot read " + file + ": not an Orrery file."));
            return null;
        } catch (RuntimeException e) {
            out.add(new Diagnostic(file, 1, 1, Diagnostic.Severity.ERROR, OrreryIssueCodes.FILE_UNREADABLE,
                    "Cannot read " + file + ": " + describe(e)));
            return null;
        }
    }

    private static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** Turns Xtext issues into our diagnostics, naming files as the user named them where possible. */
    static final class DiagnosticMapper {

        private final Map<URI, Path> given = new HashMap<>();

        void remember(URI uri, Path file) {
            given.put(uri, file);
        }

        Path pathOf(Resource r) {
            URI uri = r.getURI();
            Path known = given.get(uri);
            if (known != null) {
                return known;
            }
            if (uri.isFile()) {
                Path abs = Path.of(uri.toFileString());
                Path cwd = Path.of("").toAbsolutePath();
                return abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
            }
            return Path.of(uri.toString());
        }

        Diagnostic map(Resource r, Issue issue) {
            Diagnostic.Severity severity = switch (issue.getSeverity()) {
                case ERROR -> Diagnostic.Severity.ERROR;
                case WARNING -> Diagnostic.Severity.WARNING;
                default -> Diagnostic.Severity.INFO;
            };
            Integer line = issue.getLineNumber();
            Integer column = issue.getColumn();
            return new Diagnostic(pathOf(r), line == null ? 1 : line, column == null ? 1 : column, severity,
                    code(issue.getCode()), issue.getMessage());
        }

        static String code(String xtextCode) {
            return Diagnostic.codeOf(xtextCode);
        }
    }
}
