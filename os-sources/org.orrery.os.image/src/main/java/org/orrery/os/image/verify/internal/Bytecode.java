// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image.verify.internal;

import java.util.ArrayList;
import java.util.List;

/** Instruction boundaries, operands and control flow of a method's bytecode (JVMS chapter 6). */
public final class Bytecode {

    public static final int LDC = 0x12;
    public static final int LDC_W = 0x13;
    public static final int LDC2_W = 0x14;
    public static final int ALOAD = 0x19;
    public static final int ALOAD_0 = 0x2a;
    public static final int ASTORE = 0x3a;
    public static final int ASTORE_0 = 0x4b;
    public static final int GOTO = 0xa7;
    public static final int JSR = 0xa8;
    public static final int RET = 0xa9;
    public static final int TABLESWITCH = 0xaa;
    public static final int LOOKUPSWITCH = 0xab;
    public static final int IRETURN = 0xac;
    public static final int RETURN = 0xb1;
    public static final int GETSTATIC = 0xb2;
    public static final int INVOKEVIRTUAL = 0xb6;
    public static final int INVOKESPECIAL = 0xb7;
    public static final int INVOKEINTERFACE = 0xb9;
    public static final int INVOKEDYNAMIC = 0xba;
    public static final int NEW = 0xbb;
    public static final int ANEWARRAY = 0xbd;
    public static final int ATHROW = 0xbf;
    public static final int CHECKCAST = 0xc0;
    public static final int INSTANCEOF = 0xc1;
    public static final int MONITORENTER = 0xc2;
    public static final int WIDE = 0xc4;
    public static final int MULTIANEWARRAY = 0xc5;
    public static final int IFNULL = 0xc6;
    public static final int IFNONNULL = 0xc7;
    public static final int GOTO_W = 0xc8;
    public static final int JSR_W = 0xc9;

    /** Length of each fixed-size instruction, 0 for variable-size ones and -1 for undefined opcodes. */
    private static final int[] LENGTH = new int[256];

    static {
        java.util.Arrays.fill(LENGTH, -1);
        fill(0x00, 0x0f, 1);
        LENGTH[0x10] = 2; // bipush
        LENGTH[0x11] = 3; // sipush
        LENGTH[LDC] = 2;
        LENGTH[LDC_W] = 3;
        LENGTH[LDC2_W] = 3;
        fill(0x15, 0x19, 2); // xload index
        fill(0x1a, 0x35, 1); // xload_n, xaload
        fill(0x36, 0x3a, 2); // xstore index
        fill(0x3b, 0x83, 1); // xstore_n, xastore, stack, arithmetic
        LENGTH[0x84] = 3; // iinc
        fill(0x85, 0x98, 1); // conversions, comparisons
        fill(0x99, 0xa8, 3); // if*, goto, jsr
        LENGTH[RET] = 2;
        LENGTH[TABLESWITCH] = 0;
        LENGTH[LOOKUPSWITCH] = 0;
        fill(IRETURN, RETURN, 1);
        fill(GETSTATIC, 0xb8, 3); // field access, invokevirtual/special/static
        LENGTH[INVOKEINTERFACE] = 5;
        LENGTH[INVOKEDYNAMIC] = 5;
        LENGTH[NEW] = 3;
        LENGTH[0xbc] = 2; // newarray
        LENGTH[ANEWARRAY] = 3;
        LENGTH[0xbe] = 1; // arraylength
        LENGTH[ATHROW] = 1;
        LENGTH[CHECKCAST] = 3;
        LENGTH[INSTANCEOF] = 3;
        LENGTH[MONITORENTER] = 1;
        LENGTH[0xc3] = 1; // monitorexit
        LENGTH[WIDE] = 0;
        LENGTH[MULTIANEWARRAY] = 4;
        LENGTH[IFNULL] = 3;
        LENGTH[IFNONNULL] = 3;
        LENGTH[GOTO_W] = 5;
        LENGTH[JSR_W] = 5;
    }

    private Bytecode() {
    }

    private static void fill(int from, int to, int length) {
        java.util.Arrays.fill(LENGTH, from, to + 1, length);
    }

    public static int opcode(byte[] code, int pc) {
        return code[pc] & 0xff;
    }

    public static int u1(byte[] code, int at) {
        return code[at] & 0xff;
    }

    public static int u2(byte[] code, int at) {
        return ((code[at] & 0xff) << 8) | (code[at + 1] & 0xff);
    }

    private static int s2(byte[] code, int at) {
        return (short) u2(code, at);
    }

    private static int s4(byte[] code, int at) {
        return ((code[at] & 0xff) << 24) | ((code[at + 1] & 0xff) << 16) | ((code[at + 2] & 0xff) << 8)
                | (code[at + 3] & 0xff);
    }

    /** Offset of every instruction, in order. */
    public static int[] starts(byte[] code) {
        List<Integer> starts = new ArrayList<>();
        for (int pc = 0; pc < code.length; pc += length(code, pc)) {
            starts.add(pc);
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    public static int length(byte[] code, int pc) {
        int op = opcode(code, pc);
        int fixed = LENGTH[op];
        if (fixed > 0) {
            return fixed;
        }
        if (fixed < 0) {
            throw new ClassFormatException("undefined opcode 0x" + Integer.toHexString(op) + " at " + pc);
        }
        if (op == WIDE) {
            return opcode(code, pc + 1) == 0x84 ? 6 : 4;
        }
        int table = (pc + 4) & ~3; // operands are aligned to four bytes from the start of the code
        if (op == TABLESWITCH) {
            int low = s4(code, table + 4);
            int high = s4(code, table + 8);
            return table - pc + 12 + 4 * (high - low + 1);
        }
        return table - pc + 8 + 8 * s4(code, table + 4);
    }

    /** Constant pool index an instruction names, or 0 when it names none. */
    public static int constantIndex(byte[] code, int pc) {
        int op = opcode(code, pc);
        if (op == LDC) {
            return u1(code, pc + 1);
        }
        if (op == LDC_W || op == LDC2_W || (op >= GETSTATIC && op <= INVOKEDYNAMIC) || op == NEW || op == ANEWARRAY
                || op == CHECKCAST || op == INSTANCEOF || op == MULTIANEWARRAY) {
            return u2(code, pc + 1);
        }
        return 0;
    }

    /** The local slot an {@code astore} writes, or -1 for any other instruction. */
    public static int astoreSlot(byte[] code, int pc) {
        int op = opcode(code, pc);
        if (op == ASTORE) {
            return u1(code, pc + 1);
        }
        if (op >= ASTORE_0 && op <= ASTORE_0 + 3) {
            return op - ASTORE_0;
        }
        if (op == WIDE && opcode(code, pc + 1) == ASTORE) {
            return u2(code, pc + 2);
        }
        return -1;
    }

    /** The local slot an {@code aload} reads, or -1 for any other instruction. */
    public static int aloadSlot(byte[] code, int pc) {
        int op = opcode(code, pc);
        if (op == ALOAD) {
            return u1(code, pc + 1);
        }
        if (op >= ALOAD_0 && op <= ALOAD_0 + 3) {
            return op - ALOAD_0;
        }
        if (op == WIDE && opcode(code, pc + 1) == ALOAD) {
            return u2(code, pc + 2);
        }
        return -1;
    }

    public static boolean isReturn(int op) {
        return op >= IRETURN && op <= RETURN;
    }

    /** Whether control never falls through to the next instruction. */
    public static boolean endsFlow(int op) {
        return isReturn(op) || op == ATHROW || op == GOTO || op == GOTO_W || op == RET || op == TABLESWITCH
                || op == LOOKUPSWITCH;
    }

    /** Jump targets of a branch or switch (absolute offsets); empty for other instructions. */
    public static List<Integer> jumpTargets(byte[] code, int pc) {
        int op = opcode(code, pc);
        List<Integer> targets = new ArrayList<>();
        if ((op >= 0x99 && op <= JSR) || op == IFNULL || op == IFNONNULL) {
            targets.add(pc + s2(code, pc + 1));
        } else if (op == GOTO_W || op == JSR_W) {
            targets.add(pc + s4(code, pc + 1));
        } else if (op == TABLESWITCH || op == LOOKUPSWITCH) {
            int table = (pc + 4) & ~3;
            targets.add(pc + s4(code, table));
            if (op == TABLESWITCH) {
                int count = s4(code, table + 8) - s4(code, table + 4) + 1;
                for (int i = 0; i < count; i++) {
                    targets.add(pc + s4(code, table + 12 + 4 * i));
                }
            } else {
                int pairs = s4(code, table + 4);
                for (int i = 0; i < pairs; i++) {
                    targets.add(pc + s4(code, table + 12 + 8 * i));
                }
            }
        }
        return targets;
    }
}
