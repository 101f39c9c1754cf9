// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image.verify.internal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.orrery.os.image.verify.Finding;

/**
 * Everything a class uses, per method: the constant-pool references its instructions make (invocations,
 * field access, new, casts, class and method-handle constants, invokedynamic bootstraps and their arguments);
 * under {@link Finding#CLASS_LEVEL}, its superclass, interfaces and the types in its field and method
 * declarations. Catch types are not uses: catching a type reaches nothing, and which catches are harmful is
 * {@link Hazards}' business.
 */
public final class ClassUses {

    private final ClassFile c;
    private final Map<String, Set<Use>> uses = new LinkedHashMap<>();

    private ClassUses(ClassFile c) {
        this.c = c;
    }

    public static Map<String, Set<Use>> of(ClassFile c) {
        ClassUses u = new ClassUses(c);
        u.declarations();
        for (ClassFile.Member m : c.methods()) {
            if (m.code() != null) {
                u.code(m.name(), m.code());
            }
        }
        return u.uses;
    }

    private void declarations() {
        String at = Finding.CLASS_LEVEL;
        if (c.superName() != null) {
            type(at, c.superName());
        }
        c.interfaces().forEach(i -> type(at, i));
        c.fields().forEach(f -> Names.classesIn(f.descriptor()).forEach(t -> type(at, t)));
        c.methods().forEach(m -> Names.classesIn(m.descriptor()).forEach(t -> type(at, t)));
    }

    private void code(String method, ClassFile.Code code) {
        byte[] bytes = code.bytes();
        for (int pc : Bytecode.starts(bytes)) {
            int index = Bytecode.constantIndex(bytes, pc);
            if (index == 0) {
                continue;
            }
            switch (Bytecode.opcode(bytes, pc)) {
                case Bytecode.LDC, Bytecode.LDC_W, Bytecode.LDC2_W -> constant(method, index, 0);
                case Bytecode.INVOKEDYNAMIC -> dynamic(method, index, 0);
                case Bytecode.NEW, Bytecode.ANEWARRAY, Bytecode.CHECKCAST, Bytecode.INSTANCEOF,
                        Bytecode.MULTIANEWARRAY -> type(method, c.pool().className(index));
                default -> member(method, c.pool().memberRef(index));
            }
        }
    }

    /** A loadable constant: classes, method handles and types name classes; numbers and strings do not. */
    private void constant(String method, int index, int depth) {
        ConstantPool pool = c.pool();
        switch (pool.tag(index)) {
            case ConstantPool.CLASS -> type(method, pool.className(index));
            case ConstantPool.METHOD_HANDLE -> member(method, pool.methodHandle(index));
            case ConstantPool.METHOD_TYPE -> Names.classesIn(pool.methodType(index)).forEach(t -> type(method, t));
            case ConstantPool.DYNAMIC -> dynamic(method, index, depth);
            default -> {
            }
        }
    }

    private void dynamic(String method, int index, int depth) {
        if (depth > 8) {
            throw new ClassFormatException("dynamic constants nested too deeply in " + c.name());
        }
        int bootstrap = c.pool().bootstrapIndex(index);
        if (bootstrap >= c.bootstraps().size()) {
            throw new ClassFormatException("bootstrap method " + bootstrap + " missing in " + c.name());
        }
        ClassFile.Bootstrap b = c.bootstraps().get(bootstrap);
        member(method, c.pool().methodHandle(b.methodHandle()));
        for (int arg : b.arguments()) {
            constant(method, arg, depth + 1);
        }
    }

    private void member(String method, MemberRef ref) {
        String owner = Names.elementClass(ref.owner());
        if (owner == null || !owner.equals(ref.owner())) {
            // A member of an array type (clone, length through Object): what it is depends on Object alone.
            owner = "java/lang/Object";
        }
        add(method, new Use(owner, ref.name(), ref.descriptor()));
    }

    private void type(String method, String nameOrDescriptor) {
        String owner = Names.elementClass(nameOrDescriptor);
        if (owner != null) {
            add(method, Use.type(owner));
        }
    }

    private void add(String method, Use use) {
        uses.computeIfAbsent(method, k -> new LinkedHashSet<>()).add(use);
    }
}
