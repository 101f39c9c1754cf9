// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;
import org.junit.jupiter.api.Test;
import org.orrery.dsl.Compilation;
import org.orrery.dsl.Diagnostic;
import org.orrery.dsl.SystemCompiler;
import org.orrery.dsl.arinc.ArincExporter;
import org.orrery.dsl.generator.SystemGenerator;
import org.orrery.dsl.validation.OrreryIssueCodes;

/**
 * Mutates the examples and fixtures and pushes every variant through parse, validate and generate: nothing
 * may throw, nothing may be logged as an error by Xtext (which would hide a failing rule), and every
 * diagnostic must carry a position and a known rule code. Case count: system property
 * {@code orrery.fuzz.cases} (10,000 by default, 200,000 with {@code -P slow-tests}).
 */
class FuzzTest {

    @Test
    void mutatedSystemsNeverEscapeAsExceptions() throws Exception {
        int cases = Integer.getInteger("orrery.fuzz.cases", 10_000);
        List<String> seeds = seeds();
        Set<String> codes = knownCodes();
        SystemCompiler compiler = SystemCompiler.create();
        Path virtual = Fixtures.dir().resolve("fuzz.orrery");
        ErrorLog log = new ErrorLog();
        Logger.getRootLogger().addAppender(log);
        int withErrors = 0;
        int generated = 0;
        try {
            for (int i = 0; i < cases; i++) {
                Random random = new Random(i);
                String input = Mutator.mutate(seeds.get(random.nextInt(seeds.size())), random);
                Compilation c;
                try {
                    c = compiler.compileSource(virtual, input);
                    if (c.config().isPresent()) {
                        SystemGenerator.outputs(c.config().get());
                        ArincExporter.export(c.config().get());
                        generated++;
                    }
                } catch (Exception | StackOverflowError e) {
                    throw new AssertionError("case " + i + " threw " + e + " on:\n" + input, e);
                }
                for (Diagnostic d : c.diagnostics()) {
                    if (d.line() < 1 || d.column() < 1 || !codes.contains(d.code()) || d.message() == null || d.message().isBlank()) {
                        fail("case " + i + ": malformed diagnostic " + d.format() + " on:\n" + input);
                    }
                }
                if (!log.errors.isEmpty()) {
                    fail("case " + i + ": Xtext logged " + log.errors + " on:\n" + input);
                }
                withErrors += c.hasErrors() ? 1 : 0;
            }
        } finally {
            Logger.getRootLogger().removeAppender(log);
        }
        System.out.println("fuzz: " + cases + " cases, " + withErrors + " refused, " + generated + " generated");
        // The mutations must actually exercise both paths: refused inputs and generated systems.
        assertTrue(withErrors > cases / 10, "too few erroneous variants: " + withErrors);
        assertTrue(generated > 0 || cases < 100, "no variant reached generation");
    }

    private static List<String> seeds() throws Exception {
        List<String> seeds = new ArrayList<>();
        for (String e : Fixtures.EXAMPLES) {
            seeds.add(Files.readString(Fixtures.example(e)));
        }
        try (Stream<Path> files = Files.list(Fixtures.dir())) {
            for (Path p : files.filter(f -> f.toString().endsWith(".orrery")).sorted().toList()) {
                seeds.add(Files.readString(p));
            }
        }
        return seeds;
    }

    private static Set<String> knownCodes() throws IllegalAccessException {
        Set<String> codes = new HashSet<>();
        for (Field f : OrreryIssueCodes.class.getFields()) {
            codes.add((String) f.get(null));
        }
        return codes;
    }

    /** Collects what Xtext logs at ERROR, e.g. an exception a validator threw and the framework swallowed. */
    private static final class ErrorLog extends AppenderSkeleton {
        final List<String> errors = new ArrayList<>();

        @Override
        protected void append(LoggingEvent event) {
            if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
                errors.add(event.getRenderedMessage() + (event.getThrowableInformation() == null ? ""
                        : " " + event.getThrowableInformation().getThrowable()));
            }
        }

        @Override
        public void close() {
        }

        @Override
        public boolean requiresLayout() {
            return false;
        }
    }
}
