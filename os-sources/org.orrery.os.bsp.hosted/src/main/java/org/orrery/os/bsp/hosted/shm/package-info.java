// SPDX-License-Identifier: EPL-2.0
/**
 * Ports across processes on the hosted board: regions under /dev/shm mapped with the FFM API
 * ({@link org.orrery.os.bsp.hosted.shm.ShmFolder}, {@link org.orrery.os.bsp.hosted.shm.PortRegion}), a
 * seqlock-protected sampling slot ({@link org.orrery.os.bsp.hosted.shm.SamplingSlot}) and a bounded
 * single-producer single-consumer queue ring ({@link org.orrery.os.bsp.hosted.shm.QueueRing}). No kernel
 * internals: the kernel creates the regions and a partition runtime calls these classes directly from a process
 * thread; no call on the message path allocates.
 */
package org.orrery.os.bsp.hosted.shm;
