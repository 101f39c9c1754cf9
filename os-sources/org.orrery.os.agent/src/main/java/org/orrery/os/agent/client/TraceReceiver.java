// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.client;

import java.io.IOException;

/** Where a followed trace goes ({@link AgentClient#followTrace}); called on the session's reader thread. */
public interface TraceReceiver {

    /** The running system's configuration ({@code .orcf} bytes), when the board sent it; before the metadata. */
    default void configuration(byte[] orcf) throws IOException {
    }

    /** The trace's CTF metadata (TSDL); first. */
    void metadata(String tsdl) throws IOException;

    /** One whole CTF packet of {@code core}'s stream holding {@code events} events. Throwing stops the stream. */
    void packet(int core, long events, byte[] packet) throws IOException;
}
