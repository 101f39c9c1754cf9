// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

/**
 * The board's side of channel storage kept outside the kernel (the hosted board's shared memory, where partition
 * processes pass messages without a kernel call). The kernel's own storage follows its rules by itself; a board that
 * keeps messages elsewhere must follow the same rules at the same instant.
 */
public interface PortStorage {
    PortStorage NONE = partition -> { };

    /**
     * The destination ports of {@code partition} lost their messages (its restart or idling, a module reset): its
     * sampling destinations read nothing until the next write, its queues are empty and their overflow indications
     * clear. Sources keep what they sent elsewhere. Called with the kernel lock held.
     */
    void emptied(int partition);
}
