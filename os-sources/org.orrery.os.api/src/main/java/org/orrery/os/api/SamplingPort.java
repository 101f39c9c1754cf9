// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.api;

/** A sampling port: the latest message, overwritten by each write, with validity by refresh period. */
public interface SamplingPort {
    SamplingPortRef ref();

    /** Source ports: publishes {@code length} bytes of {@code data} to every destination. */
    void write(byte[] data, int length);

    /**
     * Destination ports: copies the latest message into {@code into}; false if none was ever written.
     * {@link Message#valid()} tells whether it is younger than the refresh period.
     */
    boolean read(Message into);
}
