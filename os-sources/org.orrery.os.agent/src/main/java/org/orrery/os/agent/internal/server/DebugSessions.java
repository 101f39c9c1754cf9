// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.internal.server;

import java.util.HashMap;
import java.util.Map;

import org.orrery.os.agent.Refusal;

/** Which client holds each partition's debug tunnel: one session per partition at a time, across all connections. */
public final class DebugSessions {

    private final Map<String, String> holders = new HashMap<>();

    /** Claims the partition for {@code who}, or refuses naming who holds it. */
    synchronized void claim(String partition, String who) throws Refusal {
        String holder = holders.putIfAbsent(partition, who);
        if (holder != null) {
            throw new Refusal("busy", "partition " + partition + " is being debugged by " + holder
                    + "; one debug session per partition at a time");
        }
    }

    synchronized void release(String partition, String who) {
        holders.remove(partition, who);
    }
}
