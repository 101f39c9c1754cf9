// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image.verify.internal;

/**
 * A class file's constant pool, kept as tags and raw index pairs so that only the entries an instruction
 * actually names are ever turned into strings.
 */
public final class ConstantPool {

    public static final int UTF8 = 1;
    public static final int INTEGER = 3;
    public static final int FLOAT = 4;
    public static final int LONG = 5;
    public static final int DOUBLE = 6;
    public static final int CLASS = 7;
    public static final int STRING = 8;
    public static final int FIELD_REF = 9;
    public static final int METHOD_REF = 10;
    public static final int INTERFACE_METHOD_REF = 11;
    public static final int NAME_AND_TYPE = 12;
    public static final int METHOD_HANDLE = 15;
    public static final int METHOD_TYPE = 16;
    public static final int DYNAMIC = 17;
    public static final int INVOKE_DYNAMIC = 18;
    public static final int MODULE = 19;
    public static final int PACKAGE = 20;

    private final int[] tags;
    private final int[] first;
    private final int[] second;
    private final String[] utf8;

    ConstantPool(int[] tags, int[] first, int[] second, String[] utf8) {
        this.tags = tags;
        this.first = first;
        this.second = second;
        this.utf8 = utf8;
    }

    public int size() {
        return tags.length;
    }

    public int tag(int index) {
        check(index);
        return tags[index];
    }

    public String utf8(int index) {
        expect(index, UTF8);
        return utf8[index];
    }

    /** The internal name (or array descriptor) a CONSTANT_Class entry names. */
    public String className(int index) {
        expect(index, CLASS);
        return utf8(first[index]);
    }

    /** A field, method or interface-method reference. */
    public MemberRef memberRef(int index) {
        int tag = tag(index);
        if (tag != FIELD_REF && tag != METHOD_REF && tag != INTERFACE_METHOD_REF) {
            throw new ClassFormatException("constant " + index + " is not a member reference");
        }
        int nat = second[index];
        expect(nat, NAME_AND_TYPE);
        return new MemberRef(tag == FIELD_REF, className(first[index]), utf8(first[nat]), utf8(second[nat]));
    }

    /** The member a CONSTANT_MethodHandle points at. */
    public MemberRef methodHandle(int index) {
        expect(index, METHOD_HANDLE);
        return memberRef(second[index]);
    }

    public String methodType(int index) {
        expect(index, METHOD_TYPE);
        return utf8(first[index]);
    }

    /** For CONSTANT_Dynamic and CONSTANT_InvokeDynamic: the index into the BootstrapMethods attribute. */
    public int bootstrapIndex(int index) {
        int tag = tag(index);
        if (tag != DYNAMIC && tag != INVOKE_DYNAMIC) {
            throw new ClassFormatException("constant " + index + " is not dynamic");
        }
        return first[index];
    }

    private void expect(int index, int tag) {
        if (tag(index) != tag) {
            throw new ClassFormatException("constant " + index + " has tag " + tags[index] + ", expected " + tag);
        }
    }

    private void check(int index) {
        if (index <= 0 || index >= tags.length) {
            throw new ClassFormatException("constant pool index out of range: " + index);
        }
    }
}
