// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

/** Access rights of a memory region. Ordinals are part of the binary format: append new constants only. */
public enum MemoryAccess {
    READ,
    READ_WRITE,
    READ_EXECUTE,
    READ_WRITE_EXECUTE
}
