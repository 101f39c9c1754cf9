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

    /**
     * Whether the board passes the messages of queuing port {@code port} of {@code partition} itself: a send or receive
     * that must wait then comes to the kernel only to wait, in the kernel's own wait queue of the port (its scheduler,
     * timeouts and window edges apply), until the board calls {@link Kernel#portReady} or the timeout passes.
     */
    default boolean external(int partition, int port) {
        return false;
    }

    /** An external port is ready: a destination holds a message, or every destination of a source has room. */
    default boolean ready(int partition, int port) {
        return true;
    }

    /** A process is about to wait on an external port: the board watches it until it calls {@link Kernel#portReady}. */
    default void waiting(int partition, int port) {
    }
}
