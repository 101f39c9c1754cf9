// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs releng/scripts/jdk.sh, which every Orrery script sources, against fake JDK folders. */
class JdkDiscoveryScriptTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent().getParent();

    @TempDir
    Path jvms;

    @Test
    void tooOldJdksAreRefusedWithOneLineSayingWhatToInstall() throws Exception {
        fakeJdk("java-17", "17.0.15");
        Result r = source(jvms.resolve("java-17").toString(), "/nonexistent");
        assertEquals(3, r.exit);
        assertEquals(1, r.err.strip().lines().count(), r.err);
        assertTrue(r.err.startsWith("orrery: building and running Orrery needs a JDK 21 or newer; looked at JAVA_HOME="
                + jvms.resolve("java-17") + " (JDK 17) and under /nonexistent"), r.err);
    }

    /** The Maven Wrapper is a way to start a build too: it must not reach Maven (and Guice) on an old JDK. */
    @Test
    void theMavenWrapperRefusesAnOldJdkInOneLineBeforeMavenStarts() throws Exception {
        Path old = fakeJdk("java-17", "17.0.15");
        ProcessBuilder pb = new ProcessBuilder("sh", ROOT.resolve("mvnw").toString(), "-v");
        pb.environment().put("JAVA_HOME", old.toString());
        pb.environment().put("ORRERY_JVM_DIR", jvms.toString());
        Result r = run(pb);
        assertEquals(3, r.exit, r.out + r.err);
        assertEquals("", r.out);
        assertEquals(1, r.err.strip().lines().count(), r.err);
        assertTrue(r.err.contains("needs a JDK 21 or newer") && r.err.contains(jvms.toString()), r.err);
    }

    @Test
    void theNewestJdkOf21OrLaterIsChosenWhenJavaHomeIsTooOld() throws Exception {
        Path old = fakeJdk("java-17", "17.0.15");
        fakeJdk("jdk-21", "21.0.4");
        Path newest = fakeJdk("jdk-25", "25.0.1");
        Result r = source(old.toString());
        assertEquals(0, r.exit, r.err);
        assertEquals(newest.toString(), r.out.strip());
    }

    @Test
    void aSufficientJavaHomeIsKept() throws Exception {
        Path jdk21 = fakeJdk("jdk-21", "21.0.4");
        fakeJdk("jdk-25", "25.0.1");
        Result r = source(jdk21.toString());
        assertEquals(0, r.exit, r.err);
        assertEquals(jdk21.toString(), r.out.strip());
    }

    private Path fakeJdk(String name, String version) throws IOException {
        Path home = jvms.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        for (String tool : new String[] {"java", "javac"}) {
            Path exe = home.resolve("bin").resolve(tool);
            Files.writeString(exe, "#!/bin/sh\nexit 0\n");
            Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        return home;
    }

    private Result source(String javaHome) throws IOException, InterruptedException {
        return source(javaHome, jvms.toString());
    }

    private Result source(String javaHome, String jvmDir) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c",
                ". \"$1\" && echo \"$JAVA_HOME\"", "test", ROOT.resolve("releng/scripts/jdk.sh").toString());
        pb.environment().put("JAVA_HOME", javaHome);
        pb.environment().put("ORRERY_JVM_DIR", jvmDir);
        return run(pb);
    }

    private static Result run(ProcessBuilder pb) throws IOException, InterruptedException {
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out, err);
    }

    private record Result(int exit, String out, String err) {
    }
}
