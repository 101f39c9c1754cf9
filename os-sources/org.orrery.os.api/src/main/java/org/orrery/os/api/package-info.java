// SPDX-License-Identifier: EPL-2.0
/**
 * The Orrery OS partition API: everything a partition application sees. An application implements
 * {@link org.orrery.os.api.PartitionApplication}; during initialisation it creates its processes, ports
 * and intra-partition objects through {@link org.orrery.os.api.Partition} using the typed references
 * ({@link org.orrery.os.api.ProcessRef}, {@link org.orrery.os.api.SamplingPortRef},
 * {@link org.orrery.os.api.QueuingPortRef}, {@link org.orrery.os.api.PlanRef}) generated from the system
 * description, then switches to {@link org.orrery.os.api.PartitionMode#NORMAL}.
 */
package org.orrery.os.api;
