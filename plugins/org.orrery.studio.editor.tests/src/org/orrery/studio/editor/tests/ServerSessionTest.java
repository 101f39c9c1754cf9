// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.tests;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Tests over one in-process server per test class, on a folder of its own (starting a server costs seconds). */
abstract class ServerSessionTest {

    @TempDir
    static Path folder;

    static ServerSession session;

    @BeforeAll
    static void start() {
        session = new ServerSession(folder);
    }

    @AfterAll
    static void stop() throws Exception {
        session.close();
    }
}
