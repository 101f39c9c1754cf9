// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image.verify.internal;

import java.util.List;

/**
 * What the verifier needs of one class file. Attributes other than Code, SourceFile and BootstrapMethods are
 * skipped: annotations and generic signatures never run.
 *
 * @param superName  internal name of the superclass, {@code null} only for {@code java/lang/Object}
 * @param sourceFile the SourceFile attribute, or {@code null}
 */
public record ClassFile(int access, String name, String superName, List<String> interfaces, String sourceFile,
        List<Member> fields, List<Member> methods, ConstantPool pool, List<Bootstrap> bootstraps) {

    public static final int ACC_SYNCHRONIZED = 0x0020;
    public static final int ACC_NATIVE = 0x0100;
    public static final int ACC_SYNTHETIC = 0x1000;

    public ClassFile {
        interfaces = List.copyOf(interfaces);
        fields = List.copyOf(fields);
        methods = List.copyOf(methods);
        bootstraps = List.copyOf(bootstraps);
    }

    public boolean is(int flag) {
        return (access & flag) != 0;
    }

    /** A field or method; {@code code} is {@code null} for fields and for abstract or native methods. */
    public record Member(int access, String name, String descriptor, Code code) {
        public boolean is(int flag) {
            return (access & flag) != 0;
        }
    }

    /** A method's bytecode and its exception table. */
    public record Code(byte[] bytes, List<Handler> handlers) {
        public Code {
            handlers = List.copyOf(handlers);
        }
    }

    /** One exception-table row; {@code catchType} is {@code null} for catch-any ({@code finally}). */
    public record Handler(int start, int end, int handlerPc, String catchType) {
    }

    /** One BootstrapMethods row: the bootstrap method handle and its static argument constants. */
    public record Bootstrap(int methodHandle, List<Integer> arguments) {
        public Bootstrap {
            arguments = List.copyOf(arguments);
        }
    }
}
