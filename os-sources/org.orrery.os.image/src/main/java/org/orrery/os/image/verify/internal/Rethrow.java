// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image.verify.internal;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Tells a handler that swallows what it catches from one that always throws it on. The OS stops a process by
 * throwing through its code, so only the first kind is harmful around Throwable or Error; javac itself
 * catches Throwable for try-with-resources (close, then rethrow) and for record patterns (wrap in
 * MatchException, then throw), and those must keep compiling.
 */
public final class Rethrow {

    private Rethrow() {
    }

    /**
     * Whether every path from {@code handlerPc} ends in {@code athrow} of an exception some handler of this
     * method stored (or of a new MatchException), without returning or looping first.
     */
    public static boolean always(ClassFile.Code code, int handlerPc, ConstantPool pool) {
        byte[] bytes = code.bytes();
        if (Bytecode.astoreSlot(bytes, handlerPc) < 0) {
            return false;
        }
        Set<Integer> caught = new HashSet<>();
        for (ClassFile.Handler h : code.handlers()) {
            int slot = Bytecode.astoreSlot(bytes, h.handlerPc());
            if (slot >= 0) {
                caught.add(slot);
            }
        }
        int[] starts = Bytecode.starts(bytes);
        BitSet seen = new BitSet(bytes.length);
        Deque<Integer> work = new ArrayDeque<>();
        work.push(handlerPc + Bytecode.length(bytes, handlerPc));
        while (!work.isEmpty()) {
            int pc = work.pop();
            if (pc >= bytes.length) {
                return false;
            }
            if (seen.get(pc)) {
                continue;
            }
            seen.set(pc);
            int op = Bytecode.opcode(bytes, pc);
            if (op == Bytecode.ATHROW) {
                if (!throwsCaught(bytes, previous(starts, pc), caught, pool)) {
                    return false;
                }
                continue;
            }
            if (Bytecode.isReturn(op) || op == Bytecode.RET || op == Bytecode.JSR || op == Bytecode.JSR_W) {
                return false;
            }
            for (int target : Bytecode.jumpTargets(bytes, pc)) {
                if (target <= pc) {
                    return false; // a loop could keep the exception from ever leaving
                }
                work.push(target);
            }
            if (!Bytecode.endsFlow(op)) {
                work.push(pc + Bytecode.length(bytes, pc));
            }
        }
        return true;
    }

    private static int previous(int[] starts, int pc) {
        int i = Arrays.binarySearch(starts, pc);
        return i > 0 ? starts[i - 1] : -1;
    }

    private static boolean throwsCaught(byte[] bytes, int prev, Set<Integer> caught, ConstantPool pool) {
        if (prev < 0) {
            return false;
        }
        if (caught.contains(Bytecode.aloadSlot(bytes, prev))) {
            return true;
        }
        if (Bytecode.opcode(bytes, prev) == Bytecode.INVOKESPECIAL) {
            MemberRef m = pool.memberRef(Bytecode.u2(bytes, prev + 1));
            return m.owner().equals("java/lang/MatchException") && m.name().equals("<init>");
        }
        return false;
    }
}
