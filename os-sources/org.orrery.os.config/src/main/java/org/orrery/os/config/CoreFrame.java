// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

/** The major frame length of one core in a plan. */
public record CoreFrame(int core, long majorFrameNs) {
}
