// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.image.SigningKeys;

/**
 * Files that cannot be written or read are reported with what went wrong and which file, never as the bare path
 * the JDK's exception carries ("cannot write /proc/x: /proc/x") nor as a reason naming no file ("Is a directory").
 */
class IoProblemsTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return OrreryCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void theJdksPathOnlyExceptionsAreWordedAsReasons() {
        assertEquals("no such file or directory", IoProblems.reason(new NoSuchFileException("/proc/x")));
        assertEquals("permission denied", IoProblems.reason(new AccessDeniedException("/root/x")));
        assertEquals("is a directory", IoProblems.reason(new FileSystemException("/a.tmp", "/a", "Is a directory")));
        assertEquals("is a directory", IoProblems.reason(new IOException("Is a directory")));
        assertEquals("/proc/x: no such file or directory", IoProblems.describe(new NoSuchFileException("/proc/x")));
        assertEquals("/k.pub: no such key file",
                IoProblems.about(Path.of("/k.pub"), new IOException("/k.pub: no such key file")));
    }

    @Test
    void generateIntoAFileSaysItIsNotADirectory() throws Exception {
        Path file = Files.writeString(tmp.resolve("out"), "keep");
        String system = Path.of("../../examples/flight-control/system.orrery").toAbsolutePath().normalize().toString();

        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("generate", system, "-o", file.toString()));
        assertEquals("orrery generate: cannot write " + file + ": exists and is not a directory",
                err.toString().strip());
        assertEquals("keep", Files.readString(file));
    }

    @Test
    void keygenIntoAFileSaysItIsNotADirectoryRatherThanAKeyThatExists() throws Exception {
        Path file = Files.writeString(tmp.resolve("keys"), "keep");

        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("keygen", "-o", file.toString()));
        assertEquals("orrery keygen: " + file + " is not a directory", err.toString().strip());
    }

    @Test
    void runNamesTheDirectoryGivenForAnImageOrAKey() throws Exception {
        SigningKeys.writePair(SigningKeys.generate(), tmp.resolve("keys"));
        String pub = tmp.resolve("keys/orrery-signing.pub").toString();
        Path dir = Files.createDirectories(tmp.resolve("image.oimg"));

        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("run", "--key", pub, dir.toString()));
        assertEquals("orrery run: " + dir + ": is a directory", err.toString().strip());

        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("run", "--key", tmp.toString(), dir.toString()));
        assertEquals("orrery run: " + tmp + ": is a directory", err.toString().strip());
    }

    @Test
    void traceDumpNamesAStreamThatIsADirectory() throws Exception {
        Path trace = Files.createDirectories(tmp.resolve("trace"));
        Files.writeString(trace.resolve("metadata"), "/* CTF 1.8 */\n");
        Files.createDirectories(trace.resolve("stream_0"));

        assertEquals(OrreryCli.EXIT_INPUT_ERRORS, run("trace", "dump", trace.toString()));
        assertEquals("orrery trace dump: " + trace.resolve("stream_0") + ": not a stream file (a stream is a regular "
                + "file)", err.toString().strip());
    }
}
