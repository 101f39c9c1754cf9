// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.api;

/** Order in which processes waiting on an intra-partition object are served. */
public enum QueuingDiscipline {
    FIFO,
    PRIORITY
}
