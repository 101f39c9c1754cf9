// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.partition.internal;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.orrery.os.api.Message;
import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.QueuingPort;
import org.orrery.os.api.SamplingPort;
import org.orrery.os.partition.LocalPorts;
import org.orrery.os.partition.PartitionClassLoader;
import org.orrery.os.partition.wire.ApiTable;
import org.orrery.os.partition.wire.Frame;
import org.orrery.os.partition.wire.Wire;

/**
 * The partition end of the wire: starts a thread for each process the kernel runs, hands each reply to the
 * thread that waits for it, and stands in for the kernel's service objects with proxies. The kernel decides
 * who runs: a process thread only continues when a frame for it arrives.
 */
public final class PartitionRuntime implements Wire.Side {
    private final PartitionClassLoader loader;
    private final Map<Integer, ProcessThread> threads = new HashMap<>();
    private final Map<Integer, Object> proxies = new HashMap<>();
    private final Map<Object, Integer> proxyIds = new IdentityHashMap<>();
    private final List<Runnable> bodies = new ArrayList<>();
    private final LocalPorts localPorts;
    /** The thread the kernel runs the partition's initialisation on (LOAD); -1 before. */
    private volatile int initTid = -1;
    private Wire wire;

    public PartitionRuntime(PartitionClassLoader loader) {
        this(loader, null);
    }

    /** With {@code localPorts} (may be null) serving the ports it can inside this process. */
    public PartitionRuntime(PartitionClassLoader loader, LocalPorts localPorts) {
        this.loader = loader;
        this.localPorts = localPorts;
        if (localPorts != null) {
            localPorts.attach(new LocalPorts.Caller() {
                @Override
                public boolean initialising() {
                    return PartitionRuntime.this.initialising();
                }

                @Override
                public boolean stopped() {
                    ProcessThread t = ProcessThread.currentOrNull();
                    return t != null && t.stopped();
                }
            });
        }
    }

    /** True on the thread running the partition's initialisation, where the kernel refuses to block. */
    private boolean initialising() {
        ProcessThread t = ProcessThread.currentOrNull();
        return t != null && t.tid() == initTid;
    }

    /** Reads frames until EXIT or until the kernel goes away. */
    public void serve(Wire w) {
        this.wire = w;
        while (true) {
            Frame f;
            try {
                f = w.read();
            } catch (IOException e) {
                return;
            }
            switch (f.type()) {
                case Frame.LOAD -> {
                    if (localPorts != null) {
                        localPorts.restarted();
                    }
                    initTid = f.tid();
                    start(f.tid(), "init", f.c(), () -> initialise(f.text()));
                }
                case Frame.RUN -> {
                    Runnable body;
                    synchronized (bodies) {
                        body = f.a() >= 0 && f.a() < bodies.size() ? bodies.get(f.a()) : null;
                    }
                    if (body == null) {
                        return; // the kernel named a body this process never registered: out of step
                    }
                    start(f.tid(), f.text(), f.c(), body);
                }
                case Frame.RETURN, Frame.RAISE, Frame.UNWIND -> {
                    ProcessThread t = thread(f.tid());
                    if (t != null) {
                        t.deliver(f);
                    }
                }
                case Frame.EXIT -> {
                    return;
                }
                default -> {
                    return;
                }
            }
        }
    }

    private void initialise(String entryClass) {
        PartitionApplication app;
        try {
            Class<?> type = loader.loadClass(entryClass);
            if (!PartitionApplication.class.isAssignableFrom(type)) {
                throw new IllegalStateException("cannot load " + entryClass + ": "
                        + new ClassCastException(entryClass + " does not implement PartitionApplication"));
            }
            app = (PartitionApplication) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load " + entryClass + ": " + e, e);
        }
        try {
            app.initialize((Partition) handle(0, 0));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("initialisation failed: " + e, e);
        }
    }

    private void start(int tid, String name, long stackSize, Runnable body) {
        ProcessThread t = new ProcessThread(this, tid, body);
        synchronized (threads) {
            threads.put(tid, t);
        }
        t.start(name, stackSize);
    }

    private ProcessThread thread(int tid) {
        synchronized (threads) {
            return threads.get(tid);
        }
    }

    void ended(ProcessThread t) {
        synchronized (threads) {
            threads.remove(t.tid());
        }
    }

    Wire wire() {
        return wire;
    }

    // ---- Wire.Side

    @Override
    public int handleId(Object service) {
        synchronized (proxies) {
            Integer id = proxyIds.get(service);
            if (id == null) {
                throw new IllegalArgumentException("not a service of this partition");
            }
            return id;
        }
    }

    @Override
    public Object handle(int id, int iface) throws IOException {
        synchronized (proxies) {
            Object p = proxies.get(id);
            if (p == null) {
                if (iface < 0 || iface >= ApiTable.INTERFACES.size()) {
                    throw new IOException("protocol: interface " + iface);
                }
                Class<?> type = ApiTable.INTERFACES.get(iface);
                Object remote = Proxy.newProxyInstance(PartitionRuntime.class.getClassLoader(), new Class<?>[] {type},
                        new ServiceProxy(id, iface));
                p = remote;
                if (localPorts != null && remote instanceof SamplingPort s) {
                    p = localPorts.sampling(s);
                } else if (localPorts != null && remote instanceof QueuingPort q) {
                    p = localPorts.queuing(q, (Partition) handle(0, 0));
                }
                proxies.put(id, p);
                proxyIds.put(p, id);
                // the kernel's object too: a stand-in hands the calls it does not serve to it
                proxyIds.put(remote, id);
            }
            if (localPorts != null && (p instanceof SamplingPort || p instanceof QueuingPort)) {
                localPorts.created(p); // the kernel hands a port out only when the application creates it
            }
            return p;
        }
    }

    /** A call of the calling process returned {@code value}: a port the board serves in this process gets ready now. */
    void returned(Object value) {
        if (localPorts != null && (value instanceof SamplingPort || value instanceof QueuingPort)) {
            localPorts.prepare(value);
        }
    }

    @Override
    public int bodyId(Runnable body) {
        synchronized (bodies) {
            bodies.add(body);
            return bodies.size() - 1;
        }
    }

    @Override
    public Runnable body(int id) {
        throw new UnsupportedOperationException("the kernel sends no bodies");
    }

    @Override
    public Message message(int capacity) {
        throw new UnsupportedOperationException("the kernel sends no messages to fill");
    }
}
