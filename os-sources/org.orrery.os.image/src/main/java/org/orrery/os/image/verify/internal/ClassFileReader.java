// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image.verify.internal;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses class files (any version the JVM accepts). The image library compiles with {@code --release 21}, so
 * {@code java.lang.classfile} is not available; this reader covers only what the verifier looks at.
 */
public final class ClassFileReader {

    private static final int MAGIC = 0xCAFEBABE;

    private ClassFileReader() {
    }

    /** @throws ClassFormatException when the bytes are not a well-formed class file */
    public static ClassFile read(byte[] bytes) {
        return read(bytes, true);
    }

    /** The class's declarations only: methods carry no code (what is needed to know a JDK class's members). */
    public static ClassFile readDeclarations(byte[] bytes) {
        return read(bytes, false);
    }

    private static ClassFile read(byte[] bytes, boolean withCode) {
        try {
            return parse(new DataInputStream(new ByteArrayInputStream(bytes)), withCode);
        } catch (IOException | IndexOutOfBoundsException e) {
            throw new ClassFormatException("truncated or malformed class file (" + e.getMessage() + ")");
        }
    }

    private static ClassFile parse(DataInputStream in, boolean withCode) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new ClassFormatException("not a class file (bad magic number)");
        }
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        ConstantPool pool = readPool(in);
        int access = in.readUnsignedShort();
        String name = pool.className(in.readUnsignedShort());
        int superIndex = in.readUnsignedShort();
        String superName = superIndex == 0 ? null : pool.className(superIndex);
        List<String> interfaces = new ArrayList<>();
        for (int i = in.readUnsignedShort(); i > 0; i--) {
            interfaces.add(pool.className(in.readUnsignedShort()));
        }
        List<ClassFile.Member> fields = readMembers(in, pool, false);
        List<ClassFile.Member> methods = readMembers(in, pool, withCode);
        String sourceFile = null;
        List<ClassFile.Bootstrap> bootstraps = List.of();
        for (int i = in.readUnsignedShort(); i > 0; i--) {
            String attribute = pool.utf8(in.readUnsignedShort());
            int length = in.readInt();
            switch (attribute) {
                case "SourceFile" -> sourceFile = pool.utf8(in.readUnsignedShort());
                case "BootstrapMethods" -> bootstraps = readBootstraps(in);
                default -> in.skipNBytes(length);
            }
        }
        return new ClassFile(access, name, superName, interfaces, sourceFile, fields, methods, pool, bootstraps);
    }

    private static ConstantPool readPool(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        int[] tags = new int[count];
        int[] first = new int[count];
        int[] second = new int[count];
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            tags[i] = tag;
            switch (tag) {
                case ConstantPool.UTF8 -> utf8[i] = in.readUTF();
                case ConstantPool.INTEGER, ConstantPool.FLOAT -> in.skipNBytes(4);
                case ConstantPool.LONG, ConstantPool.DOUBLE -> {
                    in.skipNBytes(8);
                    i++; // eight-byte constants take two slots
                }
                case ConstantPool.CLASS, ConstantPool.STRING, ConstantPool.METHOD_TYPE, ConstantPool.MODULE,
                        ConstantPool.PACKAGE -> first[i] = in.readUnsignedShort();
                case ConstantPool.METHOD_HANDLE -> {
                    first[i] = in.readUnsignedByte();
                    second[i] = in.readUnsignedShort();
                }
                case ConstantPool.FIELD_REF, ConstantPool.METHOD_REF, ConstantPool.INTERFACE_METHOD_REF,
                        ConstantPool.NAME_AND_TYPE, ConstantPool.DYNAMIC, ConstantPool.INVOKE_DYNAMIC -> {
                    first[i] = in.readUnsignedShort();
                    second[i] = in.readUnsignedShort();
                }
                default -> throw new ClassFormatException("unknown constant pool tag " + tag + " at " + i);
            }
        }
        return new ConstantPool(tags, first, second, utf8);
    }

    private static List<ClassFile.Member> readMembers(DataInputStream in, ConstantPool pool, boolean withCode)
            throws IOException {
        List<ClassFile.Member> members = new ArrayList<>();
        for (int n = in.readUnsignedShort(); n > 0; n--) {
            int access = in.readUnsignedShort();
            String name = pool.utf8(in.readUnsignedShort());
            String descriptor = pool.utf8(in.readUnsignedShort());
            ClassFile.Code code = null;
            for (int a = in.readUnsignedShort(); a > 0; a--) {
                String attribute = pool.utf8(in.readUnsignedShort());
                int length = in.readInt();
                if (withCode && attribute.equals("Code")) {
                    code = readCode(in, pool);
                } else {
                    in.skipNBytes(length);
                }
            }
            members.add(new ClassFile.Member(access, name, descriptor, code));
        }
        return members;
    }

    private static ClassFile.Code readCode(DataInputStream in, ConstantPool pool) throws IOException {
        in.readUnsignedShort(); // max_stack
        in.readUnsignedShort(); // max_locals
        byte[] bytes = in.readNBytes(in.readInt());
        List<ClassFile.Handler> handlers = new ArrayList<>();
        for (int n = in.readUnsignedShort(); n > 0; n--) {
            int start = in.readUnsignedShort();
            int end = in.readUnsignedShort();
            int handler = in.readUnsignedShort();
            int type = in.readUnsignedShort();
            handlers.add(new ClassFile.Handler(start, end, handler, type == 0 ? null : pool.className(type)));
        }
        for (int a = in.readUnsignedShort(); a > 0; a--) {
            in.readUnsignedShort();
            in.skipNBytes(in.readInt());
        }
        return new ClassFile.Code(bytes, handlers);
    }

    private static List<ClassFile.Bootstrap> readBootstraps(DataInputStream in) throws IOException {
        List<ClassFile.Bootstrap> out = new ArrayList<>();
        for (int n = in.readUnsignedShort(); n > 0; n--) {
            int handle = in.readUnsignedShort();
            List<Integer> args = new ArrayList<>();
            for (int a = in.readUnsignedShort(); a > 0; a--) {
                args.add(in.readUnsignedShort());
            }
            out.add(new ClassFile.Bootstrap(handle, args));
        }
        return out;
    }
}
