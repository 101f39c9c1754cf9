// SPDX-License-Identifier: EPL-2.0
/**
 * Ports served from shared memory on the hosted board: the kernel's side ({@link org.orrery.os.bsp.hosted.ports.BoardPorts}
 * creates the regions, starts partitions with their plan, traces the traffic) and the partition's side
 * ({@link org.orrery.os.bsp.hosted.ports.PartitionPorts}, loaded in a partition process by the partition runtime).
 */
package org.orrery.os.bsp.hosted.ports;
