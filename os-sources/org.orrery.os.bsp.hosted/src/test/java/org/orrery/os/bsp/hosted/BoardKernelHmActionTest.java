// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Every health-monitor action of {@link HostedHmActionTest} on the hosted board whose own kernel serves every call of
 * the partitions' processes ({@code -Dorrery.hosted.kernels=board}): the same cases and expectations.
 */
class BoardKernelHmActionTest extends HostedHmActionTest {
    private static String before;

    @BeforeAll
    static void boardKernel() {
        before = System.setProperty(OwnKernelBoard.PROPERTY, OwnKernelBoard.BOARD_KERNEL);
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
