// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

/** What a full queuing channel does with a new message: the sender waits (BLOCK, up to its timeout), the new message is dropped (DROP_NEWEST) or the oldest queued one is (DROP_OLDEST); every overflow is traced. Ordinals are part of the binary format: append new constants only. */
public enum OverflowPolicy {
    BLOCK,
    DROP_NEWEST,
    DROP_OLDEST
}
