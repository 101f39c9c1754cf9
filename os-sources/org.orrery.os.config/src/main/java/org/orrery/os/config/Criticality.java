// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

/** Design assurance level of a partition (DO-178C style, A = most critical). Ordinals are part of the binary format: append new constants only. */
public enum Criticality {
    A,
    B,
    C,
    D,
    E
}
