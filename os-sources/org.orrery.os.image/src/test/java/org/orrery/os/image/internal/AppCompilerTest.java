// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppCompilerTest {

    @TempDir
    Path tmp;

    /**
     * A concatenation in a process body must not be linked at its first run (StringConcatFactory: milliseconds of a
     * cold partition JVM, inside the process's deadline): the class holds StringBuilder calls, and computes the same.
     */
    @Test
    void stringConcatenationIsCompiledToStringBuilderCalls() throws Exception {
        Path src = tmp.resolve("apps/demo");
        Files.createDirectories(src.resolve("demo"));
        Files.writeString(src.resolve("demo/Label.java"), """
                package demo;
                public class Label {
                    public static String of(String name, long heading, double roll, Object mode) {
                        return "heading " + heading + " of " + name + " roll " + roll + " (" + mode + ")";
                    }
                }
                """);
        AppCompiler.Result r = AppCompiler.compile(src, "apps/demo", new TreeMap<>(), List.of());
        assertTrue(r.ok(), r.errors().toString());
        byte[] bytes = r.classes().get("demo/Label.class");
        String pool = new String(bytes, StandardCharsets.ISO_8859_1);
        assertFalse(pool.contains("StringConcatFactory"), "the concatenation is an invokedynamic call site");
        assertTrue(pool.contains("java/lang/StringBuilder"), "no StringBuilder calls in the class");

        Class<?> c = new ClassLoader(null) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                if (!name.equals("demo.Label")) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        }.loadClass("demo.Label");
        Object label = c.getMethod("of", String.class, long.class, double.class, Object.class)
                .invoke(null, "fcs", 90L, -2.5, "NORMAL");
        assertEquals("heading 90 of fcs roll -2.5 (NORMAL)", label);
    }
}
