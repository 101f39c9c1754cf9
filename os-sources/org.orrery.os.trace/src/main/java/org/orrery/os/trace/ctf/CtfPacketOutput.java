// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.trace.ctf;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Where a {@link CtfWriter} puts what it writes: the metadata once, first, then whole packets as they are cut.
 * A directory of stream files is one output; a board's live-trace ring is another.
 */
public interface CtfPacketOutput {

    /** The TSDL text; called once, before any packet. */
    void metadata(String tsdl) throws IOException;

    /**
     * One complete packet of {@code core}'s stream holding {@code events} events. The buffer (position to limit)
     * is the writer's and is reused after the call returns.
     */
    void packet(int core, int events, ByteBuffer packet) throws IOException;

    /** No more packets. */
    void close() throws IOException;
}
