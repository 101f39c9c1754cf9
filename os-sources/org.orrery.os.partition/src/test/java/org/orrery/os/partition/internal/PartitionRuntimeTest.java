// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.partition.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orrery.os.api.Message;
import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.partition.PartitionClassLoader;
import org.orrery.os.partition.apps.WireApp;
import org.orrery.os.partition.wire.ApiTable;
import org.orrery.os.partition.wire.Frame;
import org.orrery.os.partition.wire.Wire;

/**
 * The partition end of the wire, with the test standing in for the kernel over a pair of pipes: what each of the
 * kernel's frames makes the partition process do (LOAD, RUN, RETURN, RAISE, UNWIND, EXIT, and a RUN of a body it never
 * registered), seen in the CALL and END frames it sends back.
 */
class PartitionRuntimeTest {

    private static final String APP = WireApp.class.getName();

    private Wire kernel;
    private final CountDownLatch served = new CountDownLatch(1);

    /** A process body the partition registered, as the kernel end receives it. */
    private record Body(int id) implements Runnable {
        @Override
        public void run() {
        }
    }

    @BeforeEach
    void connect() throws Exception {
        String entry = APP.replace('.', '/') + ".class";
        byte[] app;
        try (InputStream in = WireApp.class.getClassLoader().getResourceAsStream(entry)) {
            app = in.readAllBytes();
        }
        PartitionRuntime runtime = new PartitionRuntime(new PartitionClassLoader("p", Map.of(entry, app)));
        Pipe down = Pipe.open();
        Pipe up = Pipe.open();
        Wire partition = new Wire(Channels.newInputStream(down.source()), Channels.newOutputStream(up.sink()), runtime);
        kernel = new Wire(Channels.newInputStream(up.source()), Channels.newOutputStream(down.sink()), new Wire.Side() {
            @Override
            public int handleId(Object service) {
                throw new UnsupportedOperationException("this kernel hands out no services");
            }

            @Override
            public Object handle(int id, int iface) throws IOException {
                throw new IOException("protocol: no service #" + id);
            }

            @Override
            public int bodyId(Runnable body) {
                throw new UnsupportedOperationException("the kernel sends no bodies");
            }

            @Override
            public Runnable body(int id) {
                return new Body(id);
            }

            @Override
            public Message message(int capacity) {
                return new Message(capacity);
            }
        });
        Thread.ofPlatform().daemon().start(() -> {
            runtime.serve(partition);
            served.countDown();
        });
    }

    @AfterEach
    void exit() throws IOException {
        kernel.exit();
    }

    /** The partition's next frame, read on a thread of its own: a read that never returns fails only its test. */
    private Frame next() throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return kernel.read();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, r -> Thread.ofVirtual().start(r)).get(10, TimeUnit.SECONDS);
    }

    private static int index(String name, Class<?>... parameters) throws NoSuchMethodException {
        return ApiTable.indexOf(Partition.class.getMethod(name, parameters));
    }

    /** The CALL the kernel expects next: thread {@code tid}, the partition object (0), this method and arguments. */
    private void expectCall(int tid, Method m, Object... args) throws Exception {
        Frame f = next();
        assertEquals(Frame.CALL, f.type(), f.toString());
        assertEquals(tid, f.tid());
        assertEquals(0, f.b(), "the partition object");
        assertEquals(ApiTable.indexOf(m), f.a(), m.getName());
        assertArrayEquals(args, f.args(), m.getName());
    }

    private void expectEnd(int tid, int kind, String text) throws Exception {
        Frame f = next();
        assertEquals(List.of(Frame.END, tid, kind), List.of(f.type(), f.tid(), f.a()), f.toString());
        assertEquals(text, f.text());
    }

    /** LOADs the application on thread {@code tid} and answers its first call, for its name, with {@code name}. */
    private void load(int tid, String name) throws Exception {
        kernel.load(tid, APP, 1 << 20);
        expectCall(tid, Partition.class.getMethod("name"));
        kernel.ret(tid, name, List.of());
    }

    @Test
    void loadRunsTheApplicationsInitialisationWhoseCallsReturnWhatTheKernelSends() throws Exception {
        load(3, "log");
        expectCall(3, Partition.class.getMethod("log", String.class), "hello");
        kernel.ret(3, null, List.of());
        expectEnd(3, Frame.ENDED, null);
    }

    @Test
    void aProcessEndsWithTheKindOfWhatItDiedOf() throws Exception {
        load(0, "divide");
        expectEnd(0, Frame.ARITHMETIC, "java.lang.ArithmeticException: / by zero");
    }

    @Test
    void raiseThrowsAnIllegalRequestOrAFailureInTheCallingProcess() throws Exception {
        Method setMode = Partition.class.getMethod("setMode", PartitionMode.class);
        load(0, "refused");
        expectCall(0, setMode, PartitionMode.NORMAL);
        kernel.raise(0, true, "setMode: NORMAL needs ...");
        expectEnd(0, Frame.ILLEGAL_REQUEST, "org.orrery.os.api.IllegalRequestException: setMode: NORMAL needs ...");

        load(1, "refused");
        expectCall(1, setMode, PartitionMode.NORMAL);
        kernel.raise(1, false, "the kernel failed");
        expectEnd(1, Frame.FAILED, "java.lang.IllegalStateException: the kernel failed");

        load(2, "caught");
        expectCall(2, setMode, PartitionMode.NORMAL);
        kernel.raise(2, true, "not now");
        expectCall(2, Partition.class.getMethod("log", String.class), "refused: not now");
        kernel.ret(2, null, List.of());
        expectEnd(2, Frame.ENDED, null);
    }

    @Test
    void runStartsARegisteredBodyOnItsOwnThread() throws Exception {
        load(0, "process");
        Frame create = next();
        assertEquals(index("createProcess", ProcessRef.class, Runnable.class), create.a());
        assertEquals(new ProcessRef("worker", 0), create.args()[0]);
        Body body = assertInstanceOf(Body.class, create.args()[1]);
        kernel.ret(0, null, List.of());
        expectEnd(0, Frame.ENDED, null);

        kernel.run(1, body.id(), 1 << 20, "worker");
        expectCall(1, Partition.class.getMethod("log", String.class), "worker runs");
        kernel.ret(1, null, List.of());
        expectEnd(1, Frame.ENDED, null);
    }

    @Test
    void unwindStopsAWaitingProcessWhichThenSpeaksNoMore() throws Exception {
        load(0, "wait");
        expectCall(0, Partition.class.getMethod("periodicWait"));
        kernel.unwind(0);
        // the application catches the unwinding and calls again: that call never reaches the kernel
        expectEnd(0, Frame.UNWOUND, null);
    }

    @Test
    void exitEndsThePartitionProcess() throws Exception {
        kernel.exit();
        assertTrue(served.await(10, TimeUnit.SECONDS), "the partition process stops serving at EXIT");
    }

    @Test
    void aRunOfABodyThePartitionNeverRegisteredEndsIt() throws Exception {
        kernel.run(0, 7, 1 << 20, "ghost");
        assertTrue(served.await(10, TimeUnit.SECONDS), "out of step with the kernel: the partition process stops");
    }
}
