// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

/** Whether a partition writes (SOURCE) or reads (DESTINATION) a port. Ordinals are part of the binary format: append new constants only. */
public enum PortDirection {
    SOURCE,
    DESTINATION
}
