// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image.verify.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.orrery.os.image.verify.Rule;

/**
 * What a class does, as opposed to what it uses: native methods, monitors, and handlers that catch Throwable
 * or an Error and do not throw it on.
 */
public final class Hazards {

    /** One hazard in one method; the message is {@code subject + " " + advice}. */
    public record Hazard(String method, Rule rule, String subject, String advice) {
    }

    private static final String MONITOR = "parks host threads the OS does not schedule; use "
            + "Partition.createSemaphore";

    private Hazards() {
    }

    /** @param isErrorType whether a catch type (internal name) is Throwable, Error or a subclass of Error */
    public static List<Hazard> of(ClassFile c, Predicate<String> isErrorType) {
        List<Hazard> out = new ArrayList<>();
        for (ClassFile.Member m : c.methods()) {
            if (m.is(ClassFile.ACC_NATIVE)) {
                out.add(new Hazard(m.name(), Rule.NATIVE, "native method " + m.name(), Rule.NATIVE.advice()));
            }
            if (m.is(ClassFile.ACC_SYNCHRONIZED)) {
                out.add(new Hazard(m.name(), Rule.THREAD, "synchronized method " + m.name(), MONITOR));
            }
            if (m.code() == null) {
                continue;
            }
            byte[] bytes = m.code().bytes();
            for (int pc : Bytecode.starts(bytes)) {
                if (Bytecode.opcode(bytes, pc) == Bytecode.MONITORENTER) {
                    out.add(new Hazard(m.name(), Rule.THREAD, "synchronized block", MONITOR));
                    break;
                }
            }
            for (ClassFile.Handler h : m.code().handlers()) {
                if (h.catchType() != null && isErrorType.test(h.catchType()) && !compilerMade(c, m, h)
                        && !Rethrow.always(m.code(), h.handlerPc(), c.pool())) {
                    out.add(new Hazard(m.name(), Rule.CATCH_ERROR, "catch (" + Names.binary(h.catchType()) + ")",
                            Rule.CATCH_ERROR.advice()));
                }
            }
        }
        return out;
    }

    /**
     * javac's switch-on-enum tables: a synthetic class whose initializer fills one array slot per constant and
     * skips, with NoSuchFieldError, constants removed since the switch was compiled.
     */
    private static boolean compilerMade(ClassFile c, ClassFile.Member m, ClassFile.Handler h) {
        return c.is(ClassFile.ACC_SYNTHETIC) && m.name().equals("<clinit>")
                && h.catchType().equals("java/lang/NoSuchFieldError");
    }
}
