// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image.verify;

/**
 * Why partition code was refused. Each rule's advice completes a sentence whose subject is the refused API
 * and says what to use instead; docs/partition-code.md has an example of each.
 */
public enum Rule {
    FILE_SYSTEM("file-system", "reaches the host's file system; package data files with the application and read "
            + "them with getResourceAsStream"),
    NETWORK("network", "reaches the host's network; talk to other partitions through ports "
            + "(Partition.createQueuingPort, Partition.createSamplingPort)"),
    PROCESS_EXIT("process-exit", "would end the whole board, not just this partition; use "
            + "Partition.setMode(PartitionMode.IDLE) or Partition.raiseError and let the health monitor act"),
    PROCESS_SPAWN("process-spawn", "starts host processes; a partition runs only the processes its configuration "
            + "declares (Partition.createProcess)"),
    THREAD("thread", "creates, parks or signals host threads the OS does not schedule; partitions get processes "
            + "from the OS: use Partition.createProcess, Semaphore, Event, Buffer or Blackboard"),
    REFLECTION("reflection", "looks past the partition's own classes and the API; call them directly"),
    NATIVE("native", "runs native or unchecked code outside the OS's control; partition code is plain Java"),
    SYSTEM_STATE("system-state", "is host state every partition shares; use Partition.log for output and the "
            + "generated configuration constants for settings"),
    HOST_CLOCK("host-clock", "depends on the host's clock, so the simulated board would not be deterministic; "
            + "use Partition.now"),
    CATCH_ERROR("catch-error", "would keep the OS from stopping this process; catch Exception or a narrower type "
            + "(finally blocks are fine)"),
    KERNEL_ACCESS("kernel-access", "belongs to the OS, not to its API; partitions may use org.orrery.os.api only"),
    UNKNOWN_API("unknown-api", "is not among the JDK APIs partition code may use; see docs/partition-code.md");

    private final String code;
    private final String advice;

    Rule(String code, String advice) {
        this.code = code;
        this.advice = advice;
    }

    /** The code printed in {@code error[CODE]}. */
    public String code() {
        return code;
    }

    /** What is wrong and what to use instead, as the predicate of a sentence about the refused API. */
    public String advice() {
        return advice;
    }
}
