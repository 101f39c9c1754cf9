// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.api;

/**
 * The services of Orrery OS for one partition (APEX-like). Every call is validated completely before it
 * acts: an invalid call (bad parameter, wrong mode, unknown reference) changes nothing, is reported to
 * the health monitor as {@link ErrorCode#ILLEGAL_REQUEST} and, if the monitor lets the caller continue,
 * throws {@link IllegalRequestException}. Expected outcomes (no message, timeout, full queue) are return
 * values, never exceptions.
 *
 * <p>Times are nanoseconds of the board's clock (virtual time on the simulator). Timeouts: {@code 0}
 * polls, {@link #INFINITE} waits forever; blocking is only allowed in processes, not during
 * initialisation.
 */
public interface Partition {
    /** Timeout meaning "wait as long as it takes". */
    long INFINITE = Long.MAX_VALUE;

    /** The partition's name from the configuration. */
    String name();

    PartitionMode mode();

    /**
     * Changes the mode. {@code NORMAL} ends initialisation (only from the initialisation code; the call
     * does not return). {@code IDLE}, {@code COLD_START} and {@code WARM_START} stop or restart the
     * partition (from any process; the call does not return).
     */
    void setMode(PartitionMode mode);

    /** Current time in nanoseconds since boot. */
    long now();

    // ---- processes

    /** Creates the configured process {@code ref} running {@code body}; only during initialisation. */
    PartitionProcess createProcess(ProcessRef ref, Runnable body);

    /** A process created earlier. */
    PartitionProcess process(ProcessRef ref);

    /** The calling process (null during initialisation). */
    PartitionProcess currentProcess();

    /** Suspends the calling periodic process until its next release. */
    void periodicWait();

    /** Suspends the calling process for {@code delayNs} (0 = yield to processes of equal priority). */
    void timedWait(long delayNs);

    /**
     * Consumes {@code ns} of processor time. Code between calls takes no time on the simulator, so a
     * process declares its computation here; it is preempted by window ends and more urgent processes.
     */
    void compute(long ns);

    /** Moves the calling process's deadline to {@code now() + budgetNs}. */
    void replenish(long budgetNs);

    // ---- inter-partition ports (configured; created during initialisation)

    SamplingPort createSamplingPort(SamplingPortRef ref);

    QueuingPort createQueuingPort(QueuingPortRef ref);

    // ---- intra-partition objects (created during initialisation)

    /** A FIFO of {@code depth} messages of at most {@code maxMessageSize} bytes. */
    Buffer createBuffer(String name, int maxMessageSize, int depth, QueuingDiscipline discipline);

    /** A single message slot readers can wait on. */
    Blackboard createBlackboard(String name, int maxMessageSize);

    /** A counting semaphore with value {@code initial} (0..{@code max}). */
    Semaphore createSemaphore(String name, int initial, int max, QueuingDiscipline discipline);

    /** An event (initially down). */
    Event createEvent(String name);

    // ---- health monitoring

    /** Reports {@code code} for the calling process to the health monitor (ARINC RAISE_APPLICATION_ERROR). */
    void raiseError(ErrorCode code, String message);

    /**
     * Creates the partition's error handler process (during initialisation, at most once). It is started
     * by the health monitor when a process-level error occurs and reads it through {@link #errorStatus()}.
     */
    PartitionProcess createErrorHandler(Runnable body);

    /** In the error handler: the error being handled, or null. */
    ErrorStatus errorStatus();

    /** Restarts the partition's software watchdog period. */
    void kickWatchdog();

    /** Asks for a plan switch at the end of the major frame; false if no plan switch rule allows it. */
    boolean requestPlanSwitch(PlanRef plan);

    // ---- output

    /** Writes one line to the board console, prefixed with the partition name. */
    void log(String line);

    /** Records a user trace event. */
    void traceEvent(int eventId, long value);
}
