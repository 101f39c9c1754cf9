// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

/** Inter-partition communication semantics of a port or channel. Ordinals are part of the binary format: append new constants only. */
public enum PortKind {
    SAMPLING,
    QUEUING
}
