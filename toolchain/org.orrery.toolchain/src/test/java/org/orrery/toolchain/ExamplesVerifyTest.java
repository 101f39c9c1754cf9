// SPDX-License-Identifier: EPL-2.0
package org.orrery.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orrery.os.image.ImageBuildException;
import org.orrery.os.image.verify.CodeOrigin;
import org.orrery.os.image.verify.Finding;
import org.orrery.os.image.verify.PartitionCodeVerifier;

/**
 * The examples' applications verify clean. This lives with the pipeline rather than with the image library
 * because the applications compile against constants the language generates from each system file.
 */
class ExamplesVerifyTest {

    @ParameterizedTest
    @ValueSource(strings = {"flight-control", "mixed-criticality", "satellite-obc", "wan-router"})
    void everyApplicationOfTheExampleVerifiesClean(String example) throws Exception {
        Compiled compiled = Compile.create().system(
                Path.of("../../examples", example, "system.orrery").toAbsolutePath().normalize());
        assertFalse(compiled.hasErrors(), () -> compiled.diagnostics().toString());
        Build.Loaded built;
        try {
            built = Build.of(compiled).inMemory();
        } catch (ImageBuildException e) {
            throw new AssertionError(example + " was refused:\n" + e.getMessage(), e);
        }
        List<String> partitions = built.image().image().applicationPartitions();
        assertFalse(partitions.isEmpty());
        for (String p : partitions) {
            List<Finding> findings = PartitionCodeVerifier.standard().verify(
                    entries(built.image().image().applicationJar(p)), CodeOrigin.jar(p + ".jar"));
            assertEquals(List.of(), findings.stream().map(Finding::format).toList(), example + "/" + p);
        }
    }

    private static Map<String, byte[]> entries(byte[] jar) throws Exception {
        Map<String, byte[]> out = new TreeMap<>();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }
}
