// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.partition.wire;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.orrery.os.api.ErrorCode;
import org.orrery.os.api.ErrorStatus;
import org.orrery.os.api.Message;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.PlanRef;
import org.orrery.os.api.ProcessRef;
import org.orrery.os.api.ProcessState;
import org.orrery.os.api.QueuingDiscipline;
import org.orrery.os.api.QueuingPortRef;
import org.orrery.os.api.SamplingPortRef;

/**
 * Frames over a byte stream (a Unix domain socket between the kernel and one partition process). Values
 * are the partition API's own types; service objects travel as ids and process bodies as ids, which each
 * end maps through its {@link Side}. Everything read is bounded: a partition cannot make the kernel
 * allocate more than {@link #MAX_BYTES} for one array or {@link #MAX_CHARS} for one string, and what the
 * protocol does not allow is a {@link ProtocolException}.
 */
public final class Wire implements Closeable {
    public static final int MAX_BYTES = 1 << 20;
    public static final int MAX_CHARS = 8192;
    private static final int MAX_ARGS = 8;
    private static final int MAX_FILLED = 4;

    private static final int NULL = 0;
    private static final int TRUE = 1;
    private static final int FALSE = 2;
    private static final int INT = 3;
    private static final int LONG = 4;
    private static final int STRING = 5;
    private static final int ENUM = 6;
    private static final int PROCESS_REF = 7;
    private static final int SAMPLING_REF = 8;
    private static final int QUEUING_REF = 9;
    private static final int PLAN_REF = 10;
    private static final int ERROR_STATUS = 11;
    private static final int BYTES = 12;
    private static final int MESSAGE = 13;
    private static final int BODY = 14;
    private static final int HANDLE = 15;

    private static final List<Class<? extends Enum<?>>> ENUMS = List.of(ErrorCode.class, PartitionMode.class,
            QueuingDiscipline.class, ProcessState.class);

    /** How one end maps what cannot travel by value. */
    public interface Side {
        /** The id of a service object (kernel end: registers it). */
        int handleId(Object service);

        /**
         * The object for an id received (partition end: a proxy; kernel end: the registered service); a
         * {@link ProtocolException} for an id or interface the other end may not name.
         */
        Object handle(int id, int iface) throws IOException;

        /** The id of a process body (partition end: registers it). */
        int bodyId(Runnable body);

        /** A body received (kernel end: a stand-in that names the remote body). */
        Runnable body(int id);

        /** A Message out-parameter of {@code capacity} bytes received with a call (kernel end). */
        Message message(int capacity);
    }

    private final DataInputStream in;
    private final DataOutputStream out;
    private final Side side;

    public Wire(InputStream in, OutputStream out, Side side) {
        this.in = new DataInputStream(new BufferedInputStream(in, 1 << 14));
        this.out = new DataOutputStream(new BufferedOutputStream(out, 1 << 14));
        this.side = side;
    }

    // ---- writing (each method writes one whole frame and flushes)

    public synchronized void hello(String partition, long signature) throws IOException {
        head(Frame.HELLO, 0);
        out.writeLong(signature);
        string(partition);
        out.flush();
    }

    public synchronized void load(int tid, String entryClass, long stackSize) throws IOException {
        head(Frame.LOAD, tid);
        out.writeLong(stackSize);
        string(entryClass);
        out.flush();
    }

    public synchronized void run(int tid, int bodyId, long stackSize, String name) throws IOException {
        head(Frame.RUN, tid);
        out.writeInt(bodyId);
        out.writeLong(stackSize);
        string(name);
        out.flush();
    }

    public synchronized void ret(int tid, Object value, List<Message> outs) throws IOException {
        head(Frame.RETURN, tid);
        value(value);
        out.writeByte(outs.size());
        for (Message m : outs) {
            int n = Math.max(0, Math.min(m.length(), m.data().length));
            out.writeInt(n);
            out.write(m.data(), 0, n);
            out.writeBoolean(m.valid());
            out.writeLong(m.timestampNs());
        }
        out.flush();
    }

    public synchronized void raise(int tid, boolean illegalRequest, String message) throws IOException {
        head(Frame.RAISE, tid);
        out.writeBoolean(illegalRequest);
        string(message);
        out.flush();
    }

    public synchronized void unwind(int tid) throws IOException {
        head(Frame.UNWIND, tid);
        out.flush();
    }

    public synchronized void exit() throws IOException {
        head(Frame.EXIT, 0);
        out.flush();
    }

    public synchronized void call(int tid, int objectId, int method, Object[] args) throws IOException {
        head(Frame.CALL, tid);
        out.writeInt(objectId);
        out.writeShort(method);
        int n = args == null ? 0 : args.length;
        out.writeByte(n);
        for (int i = 0; i < n; i++) {
            if (args[i] instanceof byte[] data && i + 1 < n && args[i + 1] instanceof Integer length) {
                bytes(data, length); // (data, length): only the bytes the call can use travel
            } else {
                value(args[i]);
            }
        }
        out.flush();
    }

    public synchronized void end(int tid, int kind, String message) throws IOException {
        head(Frame.END, tid);
        out.writeByte(kind);
        string(message);
        out.flush();
    }

    private void head(int type, int tid) throws IOException {
        out.writeByte(type);
        out.writeInt(tid);
    }

    private void string(String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = (s.length() > MAX_CHARS ? s.substring(0, MAX_CHARS) : s).getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private void bytes(byte[] data, int length) throws IOException {
        out.writeByte(BYTES);
        int size = Math.min(data.length, MAX_BYTES);
        int n = Math.max(0, Math.min(length, size));
        out.writeInt(size);
        out.writeInt(n);
        out.write(data, 0, n);
    }

    private void value(Object v) throws IOException {
        switch (v) {
            case null -> out.writeByte(NULL);
            case Boolean b -> out.writeByte(b ? TRUE : FALSE);
            case Integer i -> {
                out.writeByte(INT);
                out.writeInt(i);
            }
            case Long l -> {
                out.writeByte(LONG);
                out.writeLong(l);
            }
            case String s -> {
                out.writeByte(STRING);
                string(s);
            }
            case Enum<?> e -> {
                int type = ENUMS.indexOf(e.getDeclaringClass());
                if (type < 0) {
                    throw new IllegalArgumentException("cannot send " + e.getDeclaringClass().getName());
                }
                out.writeByte(ENUM);
                out.writeByte(type);
                out.writeShort(e.ordinal());
            }
            case ProcessRef r -> ref(PROCESS_REF, r.name(), r.index());
            case SamplingPortRef r -> ref(SAMPLING_REF, r.name(), r.index());
            case QueuingPortRef r -> ref(QUEUING_REF, r.name(), r.index());
            case PlanRef r -> ref(PLAN_REF, r.name(), r.index());
            case ErrorStatus s -> {
                out.writeByte(ERROR_STATUS);
                value(s.code());
                value(s.process());
                string(s.message());
                out.writeLong(s.timestampNs());
            }
            case byte[] b -> bytes(b, b.length);
            case Message m -> {
                out.writeByte(MESSAGE);
                out.writeInt(Math.min(m.data().length, MAX_BYTES));
            }
            case Runnable r when ApiTable.interfaceOf(r) < 0 -> {
                out.writeByte(BODY);
                out.writeInt(side.bodyId(r));
            }
            default -> {
                int iface = ApiTable.interfaceOf(v);
                if (iface < 0) {
                    throw new IllegalArgumentException("cannot send a " + v.getClass().getName());
                }
                out.writeByte(HANDLE);
                out.writeByte(iface);
                out.writeInt(side.handleId(v));
            }
        }
    }

    private void ref(int tag, String name, int index) throws IOException {
        out.writeByte(tag);
        string(name);
        out.writeInt(index);
    }

    // ---- reading

    /**
     * The next frame; {@link EOFException} when the other end has gone, {@link ProtocolException} when what it sent is
     * not a frame the protocol allows.
     */
    public Frame read() throws IOException {
        int type = in.readUnsignedByte();
        int tid = in.readInt();
        return switch (type) {
            case Frame.HELLO -> {
                long sig = in.readLong();
                yield new Frame(type, tid, 0, 0, sig, readString(), null, null, null);
            }
            case Frame.LOAD -> {
                long stack = in.readLong();
                yield new Frame(type, tid, 0, 0, stack, readString(), null, null, null);
            }
            case Frame.RUN -> {
                int body = in.readInt();
                long stack = in.readLong();
                yield new Frame(type, tid, body, 0, stack, readString(), null, null, null);
            }
            case Frame.RETURN -> {
                Object v = readValue();
                int n = in.readUnsignedByte();
                if (n > MAX_FILLED) {
                    throw new ProtocolException(n + " filled messages");
                }
                List<Frame.Filled> filled = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    byte[] data = readBytes(in.readInt());
                    filled.add(new Frame.Filled(data, data.length, in.readBoolean(), in.readLong()));
                }
                yield new Frame(type, tid, 0, 0, 0, null, v, null, filled);
            }
            case Frame.RAISE -> {
                boolean illegal = in.readBoolean();
                yield new Frame(type, tid, illegal ? 1 : 0, 0, 0, readString(), null, null, null);
            }
            case Frame.UNWIND, Frame.EXIT -> new Frame(type, tid, 0, 0, 0, null, null, null, null);
            case Frame.CALL -> {
                int object = in.readInt();
                int method = in.readUnsignedShort();
                int n = in.readUnsignedByte();
                if (n > MAX_ARGS) {
                    throw new ProtocolException(n + " arguments");
                }
                Object[] args = new Object[n];
                for (int i = 0; i < n; i++) {
                    args[i] = readValue();
                }
                yield new Frame(type, tid, method, object, 0, null, null, args, null);
            }
            case Frame.END -> {
                int kind = in.readUnsignedByte();
                yield new Frame(type, tid, kind, 0, 0, readString(), null, null, null);
            }
            default -> throw new ProtocolException("unknown frame type " + type);
        };
    }

    private String readString() throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        return new String(readBytes(n), StandardCharsets.UTF_8);
    }

    private byte[] readBytes(int n) throws IOException {
        if (n < 0 || n > MAX_BYTES) {
            throw new ProtocolException(n + " bytes");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }

    private Object readValue() throws IOException {
        int tag = in.readUnsignedByte();
        return switch (tag) {
            case NULL -> null;
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case INT -> in.readInt();
            case LONG -> in.readLong();
            case STRING -> readString();
            case ENUM -> {
                int type = in.readUnsignedByte();
                int ordinal = in.readUnsignedShort();
                if (type >= ENUMS.size() || ordinal >= ENUMS.get(type).getEnumConstants().length) {
                    throw new ProtocolException("enum " + type + "/" + ordinal);
                }
                yield ENUMS.get(type).getEnumConstants()[ordinal];
            }
            case PROCESS_REF -> new ProcessRef(readString(), in.readInt());
            case SAMPLING_REF -> new SamplingPortRef(readString(), in.readInt());
            case QUEUING_REF -> new QueuingPortRef(readString(), in.readInt());
            case PLAN_REF -> new PlanRef(readString(), in.readInt());
            case ERROR_STATUS -> new ErrorStatus(statusField(ErrorCode.class, "code"),
                    statusField(ProcessRef.class, "process"), readString(), in.readLong());
            case BYTES -> {
                int size = in.readInt();
                int n = in.readInt();
                if (size < 0 || size > MAX_BYTES || n < 0 || n > size) {
                    throw new ProtocolException("array " + n + "/" + size);
                }
                byte[] b = new byte[size];
                in.readFully(b, 0, n);
                yield b;
            }
            case MESSAGE -> {
                int capacity = in.readInt();
                if (capacity < 0 || capacity > MAX_BYTES) {
                    throw new ProtocolException("message capacity " + capacity);
                }
                yield side.message(capacity);
            }
            case BODY -> side.body(in.readInt());
            case HANDLE -> {
                int iface = in.readUnsignedByte();
                yield side.handle(in.readInt(), iface);
            }
            default -> throw new ProtocolException("unknown value tag " + tag);
        };
    }

    /** A field of an error status: of {@code type} or null (a cast would escape the reader as a ClassCastException). */
    private <T> T statusField(Class<T> type, String what) throws IOException {
        Object v = readValue();
        if (v != null && !type.isInstance(v)) {
            throw new ProtocolException("an error status's " + what + " is a " + v.getClass().getName());
        }
        return type.cast(v);
    }

    @Override
    public void close() throws IOException {
        try {
            in.close();
        } finally {
            out.close();
        }
    }
}
