// SPDX-License-Identifier: EPL-2.0
package org.orrery.toolchain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's output file is replaced whole or not at all. */
class OutputFileTest {

    @TempDir
    Path dir;

    private List<String> entries() throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void replacesTheFileAndLeavesNothingBeside() throws Exception {
        Path target = dir.resolve("sub/system.orrery");
        OutputFile.write(target, out -> out.write("first".getBytes(StandardCharsets.UTF_8)));
        OutputFile.write(target, out -> out.write("second".getBytes(StandardCharsets.UTF_8)));
        assertEquals("second", Files.readString(target));
        try (var s = Files.list(target.getParent())) {
            assertEquals(List.of("system.orrery"), s.map(p -> p.getFileName().toString()).toList());
        }
    }

    /** A write cut short (here: the content fails half-way, as a full disk would) keeps the earlier file. */
    @Test
    void aWriteCutShortLeavesTheEarlierFileAsItWas() throws Exception {
        Path target = dir.resolve("module.xml");
        byte[] good = "<module/>".getBytes(StandardCharsets.UTF_8);
        Files.write(target, good);
        IOException e = assertThrows(IOException.class, () -> OutputFile.write(target, out -> {
            out.write("<module><partition".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        }));
        assertEquals("No space left on device", e.getMessage());
        assertArrayEquals(good, Files.readAllBytes(target));
        assertEquals(List.of("module.xml"), entries(), "the temporary file is removed");
    }

    /** A target that cannot be replaced (a directory with files in it) stays, and so does nothing else. */
    @Test
    void aTargetThatCannotBeReplacedIsLeftAlone() throws Exception {
        Path target = Files.createDirectory(dir.resolve("out.xml"));
        Files.writeString(target.resolve("keep"), "x");
        assertThrows(IOException.class, () -> OutputFile.write(target, out -> out.write(1)));
        assertEquals("x", Files.readString(target.resolve("keep")));
        assertEquals(List.of("out.xml"), entries());
    }

    /** Not a temporary file's owner-only mode: what a file created here by the user's tools would get. */
    @Test
    void theNewFileGetsTheUsualPermissionsNotATemporaryFilesOnes() throws Exception {
        Path plain = Files.writeString(dir.resolve("plain"), "p");
        Path target = dir.resolve("system.orrery");
        OutputFile.write(target, out -> out.write('s'));
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }
}
