// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.studio.editor.core.Uris;

/** Document URIs are compared by the file they name: Xtext and Eclipse spell the same file differently. */
class UrisTest {

    @TempDir
    Path dir;

    @Test
    void xtextAndEclipseSpellingsAreTheSameDocument() {
        assertEquals(Uris.key("file:/ws/demo/system.orrery"), Uris.key("file:///ws/demo/system.orrery"));
        assertEquals(Path.of("/ws/demo/system.orrery").toString(), Uris.key("file:/ws/demo/system.orrery"));
    }

    @Test
    void dotSegmentsAndEscapesAreResolved() {
        assertEquals(Uris.key("file:///ws/demo/system.orrery"), Uris.key("file:///ws/other/../demo/./system.orrery"));
        assertEquals(Path.of("/ws/my demo/system.orrery").toString(), Uris.key("file:///ws/my%20demo/system.orrery"));
    }

    @Test
    void differentFilesStayDifferent() {
        assertNotEquals(Uris.key("file:///ws/demo/system.orrery"), Uris.key("file:///ws/demo/System.orrery"));
        assertNotEquals(Uris.key("file:///ws/a.orrery"), Uris.key("file:///ws/b.orrery"));
    }

    @Test
    void otherSchemesAndUnparsableTextAreComparedAsSpelled() {
        assertEquals("inmemory:/demo.orrery", Uris.key("inmemory:/demo.orrery"));
        assertEquals("not a uri", Uris.key("not a uri"));
        // Opaque: no path can be made of it, so the spelling is all there is.
        assertEquals("file:demo.orrery", Uris.key("file:demo.orrery"));
    }

    @Test
    void aFileUriIsAbsoluteNormalisedAndMatchesItsKey() throws Exception {
        Path file = Files.createFile(dir.resolve("my system.orrery"));
        String uri = Uris.of(dir.resolve("sub/../my system.orrery"));
        assertTrue(uri.startsWith("file:///"), "Xtext's spelling: " + uri);
        assertTrue(uri.endsWith("/my%20system.orrery"), uri);
        assertEquals(file.toAbsolutePath().toString(), Uris.key(uri));
        assertEquals(Uris.key(file.toUri().toString()), Uris.key(uri));
    }
}
