// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.api;

/** An intra-partition event: processes wait until it is up. */
public interface Event {
    /** Up: wakes every waiting process. */
    void set();

    /** Down. */
    void reset();

    /** Waits up to {@code timeoutNs} for the event to be up; false on timeout. */
    boolean await(long timeoutNs);

    boolean isSet();
}
