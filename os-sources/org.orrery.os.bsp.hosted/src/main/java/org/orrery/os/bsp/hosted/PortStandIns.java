// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted;

import java.util.IdentityHashMap;
import java.util.Map;

import org.orrery.os.api.Blackboard;
import org.orrery.os.api.Buffer;
import org.orrery.os.api.ErrorCode;
import org.orrery.os.api.ErrorStatus;
import org.orrery.os.api.Event;
import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.PartitionProcess;
import org.orrery.os.api.PlanRef;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.api.QueuingDiscipline;
import org.orrery.os.api.QueuingPort;
import org.orrery.os.api.QueuingPortRef;
import org.orrery.os.api.SamplingPort;
import org.orrery.os.api.SamplingPortRef;
import org.orrery.os.api.Semaphore;
import org.orrery.os.kernel.ApplicationLoader;
import org.orrery.os.partition.LocalPorts;

/**
 * A partition's own kernel with its ports in shared memory: the application gets the board's stand-ins
 * ({@link LocalPorts}) for the kernel's port objects, as a partition process without a kernel of its own does, so a
 * message never passes through the kernel. Only the two calls that create ports are looked at; every other call goes
 * to the kernel's partition services unchanged.
 */
final class PortStandIns {
    /** Set while the partition's initialisation runs on the calling thread (where the kernel refuses to block). */
    private static final ThreadLocal<Boolean> INITIALISING = new ThreadLocal<>();

    private PortStandIns() {
    }

    /** {@code loader}'s applications, each given {@code ports}' stand-ins for the ports it creates. */
    static ApplicationLoader around(ApplicationLoader loader, LocalPorts ports) {
        ports.attach(new LocalPorts.Caller() {
            @Override
            public boolean initialising() {
                return INITIALISING.get() != null;
            }

            @Override
            public boolean stopped() {
                return ConcurrentExecutor.callerStopped();
            }
        });
        Map<Object, Object> standIns = new IdentityHashMap<>();
        return (partition, cold) -> {
            PartitionApplication app = loader.load(partition, cold);
            if (!cold) {
                ports.restarted(); // the handles of the earlier start are refused until created again
            }
            return p -> {
                INITIALISING.set(Boolean.TRUE);
                try {
                    app.initialize(wrap(p, ports, standIns));
                } finally {
                    INITIALISING.remove();
                }
            };
        };
    }

    private static Partition wrap(Partition kernel, LocalPorts ports, Map<Object, Object> standIns) {
        return new StandInPartition(kernel, ports, standIns);
    }

    /**
     * The kernel's partition services with the board's stand-ins for the ports they create. Written out rather than a
     * reflective proxy: a method's first reflective call in a cold JVM costs milliseconds, which a partition's first
     * activations would pay inside their deadlines.
     */
    private static final class StandInPartition implements Partition {
        private final Partition kernel;
        private final LocalPorts ports;
        private final Map<Object, Object> standIns;

        StandInPartition(Partition kernel, LocalPorts ports, Map<Object, Object> standIns) {
            this.kernel = kernel;
            this.ports = ports;
            this.standIns = standIns;
        }

        /** The stand-in of {@code kernelPort}, made once: a port created again after a warm start is the same. */
        private Object standIn(Object kernelPort, java.util.function.UnaryOperator<Object> make) {
            Object standIn;
            synchronized (standIns) {
                standIn = standIns.computeIfAbsent(kernelPort, make);
            }
            ports.created(standIn);
            ports.prepare(standIn);
            return standIn;
        }

        @Override
        public SamplingPort createSamplingPort(SamplingPortRef ref) {
            return (SamplingPort) standIn(kernel.createSamplingPort(ref), p -> ports.sampling((SamplingPort) p));
        }

        @Override
        public QueuingPort createQueuingPort(QueuingPortRef ref) {
            return (QueuingPort) standIn(kernel.createQueuingPort(ref), q -> ports.queuing((QueuingPort) q, this));
        }

        @Override
        public String name() {
            return kernel.name();
        }

        @Override
        public PartitionMode mode() {
            return kernel.mode();
        }

        @Override
        public void setMode(PartitionMode mode) {
            kernel.setMode(mode);
        }

        @Override
        public long now() {
            return kernel.now();
        }

        @Override
        public PartitionProcess createProcess(ProcessRef ref, Runnable body) {
            return kernel.createProcess(ref, body);
        }

        @Override
        public PartitionProcess process(ProcessRef ref) {
            return kernel.process(ref);
        }

        @Override
        public PartitionProcess currentProcess() {
            return kernel.currentProcess();
        }

        @Override
        public void periodicWait() {
            kernel.periodicWait();
        }

        @Override
        public void timedWait(long delayNs) {
            kernel.timedWait(delayNs);
        }

        @Override
        public void compute(long ns) {
            kernel.compute(ns);
        }

        @Override
        public void replenish(long budgetNs) {
            kernel.replenish(budgetNs);
        }

        @Override
        public Buffer createBuffer(String name, int maxMessageSize, int depth, QueuingDiscipline discipline) {
            return kernel.createBuffer(name, maxMessageSize, depth, discipline);
        }

        @Override
        public Blackboard createBlackboard(String name, int maxMessageSize) {
            return kernel.createBlackboard(name, maxMessageSize);
        }

        @Override
        public Semaphore createSemaphore(String name, int initial, int max, QueuingDiscipline discipline) {
            return kernel.createSemaphore(name, initial, max, discipline);
        }

        @Override
        public Event createEvent(String name) {
            return kernel.createEvent(name);
        }

        @Override
        public void raiseError(ErrorCode code, String message) {
            kernel.raiseError(code, message);
        }

        @Override
        public PartitionProcess createErrorHandler(Runnable body) {
            return kernel.createErrorHandler(body);
        }

        @Override
        public ErrorStatus errorStatus() {
            return kernel.errorStatus();
        }

        @Override
        public void kickWatchdog() {
            kernel.kickWatchdog();
        }

        @Override
        public boolean requestPlanSwitch(PlanRef plan) {
            return kernel.requestPlanSwitch(plan);
        }

        @Override
        public void log(String line) {
            kernel.log(line);
        }

        @Override
        public void traceEvent(int eventId, long value) {
            kernel.traceEvent(eventId, value);
        }
    }
}
