// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.partition.internal;

import java.io.IOException;

import org.orrery.os.api.IllegalRequestException;
import org.orrery.os.api.Message;
import org.orrery.os.partition.wire.Frame;

/**
 * One process of the partition (or its initialisation) on its own thread. It runs only between the kernel's
 * frames: each API call sends a CALL and parks the thread until the kernel's RETURN, RAISE or UNWIND. After
 * an UNWIND the thread may never speak to the kernel again, whatever the application catches.
 */
final class ProcessThread {
    private static final ThreadLocal<ProcessThread> CURRENT = new ThreadLocal<>();
    private static final int MAX_TEXT = 2000;

    private final PartitionRuntime runtime;
    private final int tid;
    private final Runnable body;
    private Thread thread;
    private Frame reply;
    private boolean unwound;

    ProcessThread(PartitionRuntime runtime, int tid, Runnable body) {
        this.runtime = runtime;
        this.tid = tid;
        this.body = body;
    }

    int tid() {
        return tid;
    }

    void start(String name, long stackSize) {
        thread = new Thread(null, this::main, name, Math.max(0, stackSize));
        thread.setDaemon(true);
        thread.start();
    }

    /** The process the calling thread runs; a thread the kernel did not start cannot use the services. */
    static ProcessThread current() {
        ProcessThread t = CURRENT.get();
        if (t == null) {
            throw new IllegalStateException("partition services are only available to the partition's processes");
        }
        return t;
    }

    /** The process the calling thread runs, or null on any other thread. */
    static ProcessThread currentOrNull() {
        return CURRENT.get();
    }

    Object call(int object, int method, Object[] args) {
        Frame f;
        synchronized (this) {
            if (unwound) {
                throw new Unwind();
            }
            reply = null;
        }
        try {
            runtime.wire().call(tid, object, method, args);
        } catch (IOException e) {
            throw new Unwind(); // the kernel is gone; the process halts with it
        }
        synchronized (this) {
            while (reply == null && !unwound) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    // only the kernel's frames wake a process
                }
            }
            if (unwound) {
                throw new Unwind();
            }
            f = reply;
            reply = null;
        }
        if (f.type() == Frame.RAISE) {
            if (f.a() == 1) {
                throw new IllegalRequestException(f.text());
            }
            throw new IllegalStateException(f.text());
        }
        fill(args, f);
        Object value = f.value();
        runtime.returned(value);
        return value;
    }

    private static void fill(Object[] args, Frame f) {
        int k = 0;
        for (int i = 0; args != null && i < args.length && k < f.filled().size(); i++) {
            if (args[i] instanceof Message m) {
                Frame.Filled d = f.filled().get(k++);
                int n = Math.min(d.length(), m.data().length);
                System.arraycopy(d.data(), 0, m.data(), 0, n);
                m.filled(n, d.valid(), d.timestampNs());
            }
        }
    }

    /** The kernel told this process to unwind (its thread may still be running its own code). */
    synchronized boolean stopped() {
        return unwound;
    }

    synchronized void deliver(Frame f) {
        if (f.type() == Frame.UNWIND) {
            unwound = true;
        } else {
            reply = f;
        }
        notifyAll();
    }

    private void main() {
        CURRENT.set(this);
        int kind = Frame.ENDED;
        String text = null;
        try {
            body.run();
        } catch (Unwind u) {
            runtime.ended(this);
            confirmIfStopped();
            return;
        } catch (Throwable t) {
            kind = kindOf(t);
            text = describe(t);
        }
        runtime.ended(this);
        if (confirmIfStopped()) {
            return;
        }
        try {
            runtime.wire().end(tid, kind, text);
        } catch (IOException e) {
            // the kernel is gone
        }
    }

    /**
     * After the kernel's UNWIND: says the thread has stopped (the kernel lets a stopped process's thread run on only
     * until then, within its guard time). False when the kernel did not ask.
     */
    private boolean confirmIfStopped() {
        synchronized (this) {
            if (!unwound) {
                return false;
            }
        }
        try {
            runtime.wire().end(tid, Frame.UNWOUND, null);
        } catch (IOException e) {
            // the kernel is gone
        }
        return true;
    }

    private static int kindOf(Throwable t) {
        return switch (t) {
            case StackOverflowError e -> Frame.STACK_OVERFLOW;
            case OutOfMemoryError e -> Frame.OUT_OF_MEMORY;
            case ArithmeticException e -> Frame.ARITHMETIC;
            case LinkageError e -> Frame.LINKAGE;
            case SecurityException e -> Frame.LINKAGE;
            case IllegalRequestException e -> Frame.ILLEGAL_REQUEST;
            default -> Frame.FAILED;
        };
    }

    /** The throwable as the kernel prints it; its toString() is application code and may itself fail. */
    private static String describe(Throwable t) {
        String s;
        try {
            s = t.toString();
        } catch (RuntimeException | Error e) {
            s = t.getClass().getName() + " (its toString() failed: " + e.getClass().getName() + ")";
        }
        if (s == null) {
            s = t.getClass().getName();
        }
        return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) + "..." : s;
    }

    /** Unwinds a process the kernel stopped; application code cannot catch it (the verifier refuses catching Errors). */
    static final class Unwind extends Error {
        private static final long serialVersionUID = 1L;

        Unwind() {
            super(null, null, false, false);
        }
    }
}
