// SPDX-License-Identifier: EPL-2.0
/**
 * The Linux layer of the hosted board: real-time scheduling, clocks and memory locking through the FFM API
 * ({@link org.orrery.os.bsp.hosted.linux.Linux}), and partition cgroups in pure v2 or hybrid v1/v2 layouts
 * ({@link org.orrery.os.bsp.hosted.linux.Cgroups}).
 */
package org.orrery.os.bsp.hosted.linux;
