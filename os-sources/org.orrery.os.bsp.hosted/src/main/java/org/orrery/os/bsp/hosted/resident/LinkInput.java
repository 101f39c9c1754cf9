// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.resident;

import java.io.DataInput;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The fields of one message after its type byte, each checked as it is read so that a refusal names the message and
 * the field, and nothing is allocated for a length before the length is checked. The stream ending here is inside a
 * message: a protocol error, not the clean end {@link LinkCodec#read} reports as {@link EOFException}.
 */
final class LinkInput {

    private final DataInput in;
    private final String message;
    /** The list whose entry is being read, or null; named only in a refusal, so reading an entry builds no string. */
    private String list;
    private int entry;

    LinkInput(DataInput in, String message) {
        this.in = in;
        this.message = message;
    }

    /** The fields that follow are those of entry {@code i} of {@code list}. */
    void entry(String list, int i) {
        this.list = list;
        this.entry = i;
    }

    /** A time: any value (the board's nanoseconds, or a CLOCK_MONOTONIC instant). */
    long time(String field) throws IOException {
        try {
            return in.readLong();
        } catch (EOFException e) {
            throw cut(field);
        }
    }

    /** A long the protocol puts no bound on (a traced event's payload). */
    long anyLong(String field) throws IOException {
        return time(field);
    }

    /** An int the protocol puts no bound on (the board judges a {@code Hello}'s version itself). */
    int anyInt(String field) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw cut(field);
        }
    }

    /** An index into a table of at most {@code limit} entries. */
    int index(String field, int limit) throws IOException {
        int value = anyInt(field);
        if (value < 0 || value >= limit) {
            throw refused(field, value + " outside 0.." + (limit - 1));
        }
        return value;
    }

    long count(String field) throws IOException {
        long value = time(field);
        if (value < 0) {
            throw refused(field, "negative count " + value);
        }
        return value;
    }

    /** How many entries a list has, checked before its entries are read or anything is sized for them. */
    int listCount(String field, int max) throws IOException {
        int n = anyInt(field);
        if (n < 0 || n > max) {
            throw refused(field, "count " + n + " outside 0.." + max);
        }
        return n;
    }

    /** An enum constant by its ordinal in one byte. */
    <E extends Enum<E>> E choice(String field, E[] values) throws IOException {
        int ordinal;
        try {
            ordinal = in.readUnsignedByte();
        } catch (EOFException e) {
            throw cut(field);
        }
        if (ordinal >= values.length) {
            throw refused(field, "value " + ordinal + " outside 0.." + (values.length - 1));
        }
        return values[ordinal];
    }

    /** A flag: one byte, 0 or 1 and nothing else (so that it re-encodes to the same byte). */
    boolean flag(String field) throws IOException {
        int value;
        try {
            value = in.readUnsignedByte();
        } catch (EOFException e) {
            throw cut(field);
        }
        if (value > 1) {
            throw refused(field, "value " + value + " is neither 0 nor 1");
        }
        return value == 1;
    }

    /** UTF-8 of at most {@code maxBytes}, strictly decoded so that what is read re-encodes to the same bytes. */
    String string(String field, int maxBytes) throws IOException {
        int length = anyInt(field);
        if (length < 0 || length > maxBytes) {
            throw refused(field, "length " + length + " outside 0.." + maxBytes);
        }
        byte[] bytes = new byte[length];
        try {
            in.readFully(bytes);
        } catch (EOFException e) {
            throw cut(field);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw refused(field, "not UTF-8");
        }
    }

    LinkProtocolException refused(String field, String why) {
        String where = list == null ? field : list + "[" + entry + "]." + field;
        return new LinkProtocolException(message + "." + where + ": " + why);
    }

    private LinkProtocolException cut(String field) {
        return refused(field, "the stream ends inside the message");
    }
}
