// SPDX-License-Identifier: EPL-2.0
/**
 * The link between a partition's own kernel and the module's kernel on the hosted board (step 2 of the kernel per
 * partition process, see the os-sources README): a partition JVM boots its partitions with
 * {@link org.orrery.os.kernel.Kernel#bootResident} and tells the board process what its
 * {@link org.orrery.os.kernel.ModuleLink} is told; the board tells it when the run starts, when a core switches plan
 * ({@link org.orrery.os.kernel.Kernel#frameBegun}) and when a debugger comes and goes; it ends a run by killing the
 * partition JVMs, frozen. {@link LinkMessage} is what may be said,
 * {@link LinkCodec} how it is written on the byte stream between the two.
 * <p>
 * Internal to the hosted board (not exported): both ends are this module, built from the same image, so the
 * protocol can change with it; {@link LinkCodec#PROTOCOL_VERSION} only catches a partition JVM started from
 * another image. The board still reads strictly: application code shares the partition JVM with its kernel, so a
 * partition's end of the link is not trusted to be well formed.
 */
package org.orrery.os.bsp.hosted.resident;
