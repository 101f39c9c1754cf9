// SPDX-License-Identifier: EPL-2.0
/**
 * The hosted real-time board: the kernel process owns the module schedule in real time; each partition is its
 * own JVM process started from the image, in its own cgroup (memory, pids, cpuset), frozen outside its windows.
 */
package org.orrery.os.bsp.hosted;
