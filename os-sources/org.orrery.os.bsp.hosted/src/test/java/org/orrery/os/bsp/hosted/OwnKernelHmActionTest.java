// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Every health-monitor action of {@link HostedHmActionTest} on the hosted board with a kernel in each partition
 * process: the same cases and expectations (each partition's own kernel applies the partition's actions and traces
 * them; the module's kernel applies the module's and cold starts a partition in a new process).
 */
class OwnKernelHmActionTest extends HostedHmActionTest {
    private static String before;

    @BeforeAll
    static void ownKernels() {
        before = System.setProperty(OwnKernelBoard.PROPERTY, "partition");
    }

    @AfterAll
    static void asBefore() {
        if (before == null) {
            System.clearProperty(OwnKernelBoard.PROPERTY);
        } else {
            System.setProperty(OwnKernelBoard.PROPERTY, before);
        }
    }
}
