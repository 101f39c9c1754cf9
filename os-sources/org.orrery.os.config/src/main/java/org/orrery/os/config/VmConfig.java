// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import java.util.List;

/**
 * A virtual machine scheduled in its own windows.
 *
 * @param name unique among VMs and partitions
 * @param devices device names passed through or emulated (e.g. a NIC name of the board)
 * @param image guest image path, relative to the system file
 */
public record VmConfig(
        String name,
        VmKind kind,
        int vcpus,
        long memorySize,
        List<String> devices,
        String image,
        List<VmWindow> windows) {

    public VmConfig {
        name = Checks.str(name, "vm.name");
        kind = Checks.obj(kind, "vm.kind");
        devices = Checks.list(devices, "vm.devices");
        image = Checks.str(image, "vm.image");
        windows = Checks.list(windows, "vm.windows");
    }
}
