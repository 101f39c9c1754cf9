// SPDX-License-Identifier: EPL-2.0
/**
 * The board agent: plays the bootloader's role on a board (A/B slots, trial boot, rollback), speaks an
 * authenticated protocol (mutual TLS 1.3, pinned keys) to the registry's clients (CLI and Studio share
 * {@code client}).
 */
module org.orrery.os.agent {
    requires transitive org.orrery.os.image;
    requires org.orrery.os.bsp.sim;
    exports org.orrery.os.agent;
    exports org.orrery.os.agent.client;
    exports org.orrery.os.agent.slots;
}
