// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

/** How a virtual machine is run: QEMU-backed full system or paravirtual Orrery guest. Ordinals are part of the binary format: append new constants only. */
public enum VmKind {
    QEMU,
    PARAVIRT
}
