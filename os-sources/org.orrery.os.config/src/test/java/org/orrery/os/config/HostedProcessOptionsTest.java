// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class HostedProcessOptionsTest {

    /** The agent and the tools start a hosted board's process with their own board settings, and no other property. */
    @Test
    void aBoardProcessGetsTheHostedSettingsOfTheJvmThatStartsIt() {
        System.setProperty("orrery.hosted.partition-users", "board");
        System.setProperty("orrery.hosted.partition-uid-base", "1800000000");
        System.setProperty("orrery.hostedness", "not a board setting");
        try {
            assertEquals(List.of("-Xms64m", "-Xmx512m", "-Dorrery.hosted.lockMemory=true",
                    "-Dorrery.hosted.partition-uid-base=1800000000", "-Dorrery.hosted.partition-users=board"),
                    Limits.hostedProcessOptions());
        } finally {
            System.clearProperty("orrery.hosted.partition-users");
            System.clearProperty("orrery.hosted.partition-uid-base");
            System.clearProperty("orrery.hostedness");
        }
    }
}
