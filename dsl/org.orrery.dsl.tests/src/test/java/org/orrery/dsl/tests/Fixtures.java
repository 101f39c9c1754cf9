// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.tests;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locations of the fixtures and of the repository's examples, wherever the tests are started from. */
final class Fixtures {

    private Fixtures() {
    }

    static Path dir() {
        Path here = Path.of("fixtures");
        return Files.isDirectory(here) ? here : Path.of("dsl/org.orrery.dsl.tests/fixtures");
    }

    static Path fixture(String name) {
        return dir().resolve(name);
    }

    static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("examples"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("examples/ not found above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    static Path example(String name) {
        return repositoryRoot().resolve("examples").resolve(name).resolve("system.orrery");
    }

    static final String[] EXAMPLES = {"flight-control", "satellite-obc", "wan-router", "mixed-criticality"};
}
