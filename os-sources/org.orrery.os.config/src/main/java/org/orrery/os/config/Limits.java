// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

/**
 * Static limits of Orrery OS. The DSL validator, the configuration validator and the kernel's
 * preallocated tables all read them from here. The kernel sizes its tables from the configuration it boots
 * (never from these maxima), so a limit only bounds what a configuration may declare; the binary format
 * stores counts as u32 and partition/port/plan references as i16, so every index limit stays below 32,767.
 * Partitions and channels are sized for a 256-core module with 1,000 partitions and 10,000 channels (the
 * DSL benchmark) with 4x headroom.
 */
public final class Limits {
    public static final int MAX_CORES = 256;
    public static final int MAX_PARTITIONS = 4096;
    public static final int MAX_PROCESSES_PER_PARTITION = 128;
    public static final int MAX_PORTS_PER_PARTITION = 128;
    public static final int MAX_CHANNELS = 65536;
    public static final int MAX_DESTINATIONS_PER_CHANNEL = 64;
    public static final int MAX_PLANS = 16;
    public static final int MAX_WINDOWS_PER_PLAN = 32768;
    public static final int MAX_PLAN_SWITCH_RULES = 256;
    public static final int MAX_HM_TABLES = 16384;
    public static final int MAX_HM_RULES_PER_TABLE = 64;
    public static final int MAX_SERVICES = 256;
    public static final int MAX_SERVICE_OPTIONS = 64;
    public static final int MAX_VMS = 64;
    public static final int MAX_VCPUS = 64;
    public static final int MAX_VM_DEVICES = 32;
    public static final int MAX_NICS = 16;
    public static final int MAX_FLASH_SLOTS = 8;
    public static final int MAX_NVRAM_PARAMS = 256;
    public static final int MAX_MEMORY_REGIONS = 1024;
    /** Longest name (partition, process, port, plan, ...) in UTF-16 chars. */
    public static final int MAX_NAME_LENGTH = 64;
    /** Longest other string (class names, paths, option values) in UTF-8 bytes. */
    public static final int MAX_STRING_BYTES = 4096;
    public static final int MAX_STRINGS = 1 << 20;
    public static final long MAX_MESSAGE_SIZE = 64 * 1024;
    public static final int MAX_QUEUE_DEPTH = 4096;
    /** Process priorities: a larger number is more urgent (ARINC 653 convention). */
    public static final int MIN_PRIORITY = 0;
    public static final int MAX_PRIORITY = 255;
    /**
     * Shortest window the hosted board honours. It starts a window up to 0.5 ms late at p99 (window-start lateness
     * 0.26-0.5 ms p99, 0.1-0.3 ms p50, measured by the board's own lateness report over 10,000 1 ms windows on a
     * quiet 2-core build machine; cgroup v2 freeze confirmed in 55 us p50): a shorter window would lose more than
     * half its time to the edge. Checked by the language for the hosted-linux boards and by the hosted board at boot.
     */
    public static final long HOSTED_MIN_WINDOW_NS = 1_000_000L;
    /**
     * Set (true) in a JVM that runs nothing but a hosted board: the board locks every page of its kernel process in
     * RAM (mlockall) before the schedule starts, so a window edge never waits for a page-in. A board process of its
     * own sets it, with {@link #HOSTED_PROCESS_HEAP}; locking a JVM sized for a whole tool takes seconds and the RAM
     * it reserved.
     */
    public static final String HOSTED_LOCK_MEMORY_PROPERTY = "orrery.hosted.lockMemory";
    /**
     * The heap of a hosted board's kernel process (tables, trace buffers, writer; partitions have their own JVMs).
     * Its start is set too: the process locks every page it has, and a JVM's default start (1/64 of the machine's
     * RAM: 384 MiB on 24 GiB) made the lock fault in hundreds of MiB nobody used (0.5-0.9 s of the board's start on a
     * 2-core machine); a flight-control run uses ~30 MiB and settles at 50 MiB committed, so it does not grow after.
     */
    public static final java.util.List<String> HOSTED_PROCESS_HEAP = java.util.List.of("-Xms64m", "-Xmx512m");
    /** The prefix of the hosted board's settings as system properties ({@code orrery.hosted.partition-users}, ...). */
    public static final String HOSTED_SETTINGS_PREFIX = "orrery.hosted.";

    /**
     * The JVM options of a hosted board's process of its own started by a tool or the agent: its heap, its memory
     * locked, then the hosted board's settings given to the starting JVM (ORRERY_JAVA_OPTS=-Dorrery.hosted....), which
     * are the board's.
     */
    public static java.util.List<String> hostedProcessOptions() {
        java.util.List<String> options = new java.util.ArrayList<>(HOSTED_PROCESS_HEAP);
        options.add("-D" + HOSTED_LOCK_MEMORY_PROPERTY + "=true");
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith(HOSTED_SETTINGS_PREFIX)).sorted()
                .forEach(k -> options.add("-D" + k + "=" + System.getProperty(k)));
        return options;
    }

    /** What {@link #HOSTED_MIN_WINDOW_NS} is made of, for messages. */
    public static final String HOSTED_MIN_WINDOW_REASON = "the hosted board starts a window up to 0.5 ms late (p99 measured on a 2-core "
            + "Linux machine), so a shorter window loses more than half its time";
    /** Largest encoded configuration the reader accepts. */
    public static final int MAX_CONFIG_BYTES = 64 * 1024 * 1024;

    private Limits() {
    }
}
