// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

/** A port named by partition and port name (the binary format stores the two indices). */
public record PortEndpoint(String partition, String port) {
    public PortEndpoint {
        partition = Checks.str(partition, "endpoint.partition");
        port = Checks.str(port, "endpoint.port");
    }

    @Override
    public String toString() {
        return partition + "." + port;
    }
}
