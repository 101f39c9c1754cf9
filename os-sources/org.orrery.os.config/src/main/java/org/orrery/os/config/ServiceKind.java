// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

/** Kind of a network service hosted by a partition. Ordinals are part of the binary format: append new constants only. */
public enum ServiceKind {
    HTTP,
    DNS,
    DHCP,
    TELNET,
    SSH
}
