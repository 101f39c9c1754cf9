// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

/**
 * A network interface of the board.
 *
 * @param name interface name, unique on the board
 * @param mac MAC address text ({@code ""} = assigned by the board)
 * @param address static IPv4/IPv6 address with prefix, e.g. {@code 10.0.0.2/24} ({@code ""} = none/DHCP)
 */
public record NicConfig(String name, String mac, String address) {
    public NicConfig {
        name = Checks.str(name, "nic.name");
        mac = Checks.str(mac, "nic.mac");
        address = Checks.str(address, "nic.address");
    }
}
