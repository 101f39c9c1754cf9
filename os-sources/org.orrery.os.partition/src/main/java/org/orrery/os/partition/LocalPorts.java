// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.partition;

import org.orrery.os.api.Partition;
import org.orrery.os.api.QueuingPort;
import org.orrery.os.api.SamplingPort;

/**
 * A board's way of serving a partition's ports inside the partition's own process instead of over the wire: the
 * hosted board maps its ports' shared memory here. It is found by class name in the system property
 * {@value #PROPERTY} (the class needs a public no-argument constructor and is loaded from the runtime's own class
 * path, never from the application's jar); without the property every call goes to the kernel.
 *
 * <p>{@link #sampling} and {@link #queuing} get the kernel's own port object and returns the one the application uses: a stand-in must
 * hand every call it does not serve itself (a wrong direction, a bad length) to the kernel's object, so refusals,
 * health-monitor reports and return codes stay the kernel's.
 */
public interface LocalPorts {
    /** Names the implementation class. */
    String PROPERTY = "orrery.partition.ports";

    /** The sampling port the application gets for {@code kernelPort} (the kernel's object when not served here). */
    SamplingPort sampling(SamplingPort kernelPort);

    /**
     * The queuing port the application gets for {@code kernelPort}; {@code partition} is the partition's services,
     * for the kernel calls a stand-in makes to block.
     */
    QueuingPort queuing(QueuingPort kernelPort, Partition partition);

    /** Called once by the runtime: what a stand-in may ask about the thread that calls it. */
    default void attach(Caller caller) {
    }

    /** The calling thread, as the runtime knows it. */
    interface Caller {
        /** It runs the partition's initialisation, where the kernel refuses any call that could block. */
        boolean initialising();

        /**
         * The kernel stopped its process while it ran its own code: a stand-in must hand the call to the kernel's
         * object, whose call unwinds the thread, instead of serving it.
         */
        boolean stopped();
    }

    /**
     * The partition starts again in this process (a warm start): the ports handed out before are the kernel's handles
     * of an earlier start, refused until the application creates them again, so a stand-in must hand every call to the
     * kernel until then.
     */
    default void restarted() {
    }

    /** The kernel just handed {@code port} (one of this object's stand-ins) to the application: created again. */
    default void created(Object port) {
    }

    /**
     * {@code port} (one of this object's stand-ins) was just returned to the application's call, on the calling
     * process's thread, which may make kernel calls here: what a stand-in must ask the kernel before it can serve
     * calls itself is asked now, at the port's creation (in the partition's initialisation, which has no deadline),
     * not at a process's first use of the port (which has one).
     */
    default void prepare(Object port) {
    }

    /** The implementation the process was started with, or null. */
    static LocalPorts fromProperty() {
        String name = System.getProperty(PROPERTY);
        if (name == null || name.isEmpty()) {
            return null;
        }
        try {
            return (LocalPorts) Class.forName(name, true, ClassLoader.getSystemClassLoader())
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("cannot start the board's local ports " + name + ": " + e, e);
        }
    }
}
