// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.resident;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.orrery.os.bsp.hosted.resident.LinkSamples.bytes;
import static org.orrery.os.bsp.hosted.resident.LinkSamples.in;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.orrery.os.api.ErrorCode;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.bsp.hosted.resident.LinkMessage.ColdStartRequested;
import org.orrery.os.bsp.hosted.resident.LinkMessage.Console;
import org.orrery.os.bsp.hosted.resident.LinkMessage.Debugger;
import org.orrery.os.bsp.hosted.resident.LinkMessage.FrameBegun;
import org.orrery.os.bsp.hosted.resident.LinkMessage.Hello;
import org.orrery.os.bsp.hosted.resident.LinkMessage.HmReported;
import org.orrery.os.bsp.hosted.resident.LinkMessage.ModeChanged;
import org.orrery.os.bsp.hosted.resident.LinkMessage.PlanRequested;
import org.orrery.os.bsp.hosted.resident.LinkMessage.Start;
import org.orrery.os.bsp.hosted.resident.LinkMessage.Start.CoreFrame;
import org.orrery.os.bsp.hosted.resident.LinkMessage.TraceEvents;
import org.orrery.os.config.HmAction;
import org.orrery.os.config.HmLevel;
import org.orrery.os.config.Limits;
import org.orrery.os.trace.TraceEventType;
import org.orrery.os.kernel.HmEvent;

/**
 * The link's codec: every message survives the trip, and each reading rule refuses what breaks it with the message and
 * field named. Each refusal case is well formed but for the one rule it breaks, so that without the rule the read
 * would succeed (or fail otherwise) and the case would fail.
 */
class LinkCodecTest {

    private static final HmReported BARE_HM = new HmReported(1, 5, "", ErrorCode.NUMERIC_ERROR, HmLevel.PROCESS,
            HmAction.LOG, "", false);
    private static final Start ONE_CORE = new Start(9, List.of(new CoreFrame(1, 1, 3)));

    @Test
    void everyMessageReadsBackAsWrittenOneAfterAnotherAndThenTheStreamEndsCleanly() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(buffer);
        for (LinkMessage m : LinkSamples.all()) {
            LinkCodec.write(out, m);
        }
        DataInputStream in = in(buffer.toByteArray());
        for (LinkMessage m : LinkSamples.all()) {
            assertEquals(m, LinkCodec.read(in));
        }
        assertThrows(EOFException.class, () -> LinkCodec.read(in));
    }

    @Test
    void anHmEventCrossesAsItsPartitionsIndexAndComesBackUnderItsName() throws IOException {
        HmEvent e = new HmEvent(-3, "nav", "filter", ErrorCode.STACK_OVERFLOW, HmLevel.PARTITION,
                HmAction.WARM_START_PARTITION, "stack of 64 KiB exceeded");
        LinkMessage back = LinkCodec.read(in(bytes(HmReported.of(4, e))));
        assertEquals(4, ((HmReported) back).partition());
        assertEquals(e, ((HmReported) back).event("nav"));
        // raised by the application, not detected: the module must not count it as its kernel's miss or overrun
        HmEvent raised = new HmEvent(7, "nav", "filter", ErrorCode.DEADLINE_MISSED, HmLevel.PROCESS,
                HmAction.RESTART_PROCESS, "injected", true);
        assertEquals(raised, ((HmReported) LinkCodec.read(in(bytes(HmReported.of(4, raised))))).event("nav"));
    }

    // Refusals, one rule each.

    @Test
    void anUnknownTypeByteIsRefused() {
        List<Integer> known = LinkSamples.all().stream().map(m -> bytes(m)[0] & 0xff).distinct().toList();
        for (int type = 0; type < 256; type++) {
            if (!known.contains(type)) {
                refused(new byte[] {(byte) type, 0, 0, 0, 0, 0, 0, 0, 0}, "message type " + type + " is unknown");
            }
        }
    }

    static Stream<Arguments> enums() {
        ModeChanged mode = new ModeChanged(1, PartitionMode.NORMAL, PartitionMode.IDLE, 2);
        return Stream.of(Arguments.of(mode, 5, PartitionMode.values().length, "ModeChanged.from"),
                Arguments.of(mode, 6, PartitionMode.values().length, "ModeChanged.to"),
                Arguments.of(BARE_HM, 17, ErrorCode.values().length, "HmReported.error"),
                Arguments.of(BARE_HM, 18, HmLevel.values().length, "HmReported.level"),
                Arguments.of(BARE_HM, 19, HmAction.values().length, "HmReported.action"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("enums")
    void anEnumOrdinalOutOfRangeIsRefused(LinkMessage sample, int at, int size, String field) {
        for (int ordinal : new int[] {size, 255}) {
            byte[] b = bytes(sample);
            b[at] = (byte) ordinal;
            refused(b, field + ": value " + ordinal + " outside 0.." + (size - 1));
        }
    }

    static Stream<Arguments> indexes() {
        return Stream.of(Arguments.of(new ModeChanged(1, PartitionMode.NORMAL, PartitionMode.IDLE, 2), 1,
                Limits.MAX_PARTITIONS, "ModeChanged.partition"),
                Arguments.of(BARE_HM, 1, Limits.MAX_PARTITIONS, "HmReported.partition"),
                Arguments.of(new PlanRequested(1), 1, Limits.MAX_PLANS, "PlanRequested.plan"),
                Arguments.of(new ColdStartRequested(1), 1, Limits.MAX_PARTITIONS, "ColdStartRequested.partition"),
                Arguments.of(new FrameBegun(1, 1, 1), 1, Limits.MAX_CORES, "FrameBegun.core"),
                Arguments.of(new FrameBegun(1, 1, 1), 5, Limits.MAX_PLANS, "FrameBegun.plan"),
                Arguments.of(ONE_CORE, 13, Limits.MAX_CORES, "Start.cores[0].core"),
                Arguments.of(ONE_CORE, 17, Limits.MAX_PLANS, "Start.cores[0].plan"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("indexes")
    void aNegativeIndexIsRefused(LinkMessage sample, int at, int limit, String field) {
        for (int value : new int[] {-1, Integer.MIN_VALUE}) {
            refused(withInt(bytes(sample), at, value), field + ": " + value + " outside");
        }
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("indexes")
    void anIndexBeyondItsLimitIsRefused(LinkMessage sample, int at, int limit, String field) {
        for (int value : new int[] {limit, Integer.MAX_VALUE}) {
            refused(withInt(bytes(sample), at, value), field + ": " + value + " outside 0.." + (limit - 1));
        }
    }

    static Stream<Arguments> strings() {
        return Stream.of(Arguments.of(new Hello("", 1), 1, LinkCodec.MAX_NAME_BYTES, "Hello.partition"),
                Arguments.of(BARE_HM, 13, LinkCodec.MAX_NAME_BYTES, "HmReported.process"),
                Arguments.of(BARE_HM, 20, LinkCodec.MAX_TEXT_BYTES, "HmReported.message"),
                Arguments.of(new Console(""), 1, LinkCodec.MAX_TEXT_BYTES, "Console.line"));
    }

    /** The length is one over the bound and that many good bytes follow: only the bound stops the read. */
    @ParameterizedTest(name = "{3}")
    @MethodSource("strings")
    void aStringLongerThanItsBoundIsRefused(LinkMessage sample, int at, int bound, String field) {
        byte[] over = "x".repeat(bound + 1).getBytes(StandardCharsets.US_ASCII);
        refused(withString(sample, at, bound + 1, over), field + ": length " + (bound + 1) + " outside 0.." + bound);
    }

    /** A hostile length (nothing behind it) is refused before anything is allocated for it. */
    @ParameterizedTest(name = "{3}")
    @MethodSource("strings")
    void aNegativeOrHostileStringLengthIsRefused(LinkMessage sample, int at, int bound, String field) {
        for (int length : new int[] {-1, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            refused(withString(sample, at, length, new byte[0]), field + ": length " + length + " outside");
        }
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("strings")
    void aStringThatIsNotUtf8IsRefused(LinkMessage sample, int at, int bound, String field) {
        byte[][] bad = {{(byte) 0xc3, 0x28}, {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                {(byte) 0xf0, (byte) 0x9f}, {(byte) 0xff}};
        for (byte[] b : bad) {
            refused(withString(sample, at, b.length, b), field + ": not UTF-8");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, Integer.MIN_VALUE, Limits.MAX_CORES + 1, Integer.MAX_VALUE})
    void aCoreCountOutOfRangeIsRefusedBeforeItsEntriesAreRead(int count) {
        ByteBuffer b = ByteBuffer.allocate(1 + 8 + 4 + (Limits.MAX_CORES + 1) * 16);
        b.put(bytes(ONE_CORE)[0]).putLong(0).putInt(count);
        for (int i = 0; i <= Limits.MAX_CORES; i++) {
            b.putInt(i).putInt(0).putLong(0); // core 256 is out of range, but the count is refused first
        }
        refused(b.array(), "Start.cores: count " + count + " outside 0.." + Limits.MAX_CORES);
    }

    @Test
    void aCoreTwiceInStartIsRefused() {
        byte[] b = ByteBuffer.allocate(1 + 8 + 4 + 2 * 16).put(bytes(ONE_CORE)[0]).putLong(0).putInt(2)
                .putInt(3).putInt(0).putLong(0).putInt(3).putInt(1).putLong(5).array();
        refused(b, "Start.cores[1].core: core 3 twice");
    }

    @Test
    void aTracedEventOfTheModulesIsRefused() {
        // one event, its type byte at 1 + 8 + 4 + 4 + 8: a window start is the module's to trace, never a partition's
        byte[] b = bytes(new TraceEvents(0, List.of(new TraceEvents.Event(0, 0, TraceEventType.PROCESS_STATE, 0, 0, 0))));
        b[25] = (byte) TraceEventType.WINDOW_START.ordinal();
        refused(b, "TraceEvents.events[0].type: WINDOW_START is the module's to trace, not a partition's");
        b[25] = (byte) TraceEventType.values().length;
        refused(b, "TraceEvents.events[0].type: value " + TraceEventType.values().length + " outside");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, TraceEvents.MAX_EVENTS + 1, Integer.MAX_VALUE})
    void aTracedEventCountOutOfRangeIsRefusedBeforeItsEventsAreRead(int count) {
        byte[] b = ByteBuffer.allocate(1 + 8 + 4).put(bytes(new TraceEvents(0, List.of()))[0]).putLong(0).putInt(count)
                .array();
        refused(b, "TraceEvents.events: count " + count + " outside 0.." + TraceEvents.MAX_EVENTS);
    }

    @Test
    void aTracedEventOfACoreOutOfRangeIsRefused() {
        byte[] b = bytes(new TraceEvents(0, List.of(new TraceEvents.Event(0, 0, TraceEventType.PROCESS_STATE, 0, 0, 0))));
        refused(withInt(b, 13, Limits.MAX_CORES), "TraceEvents.events[0].core: " + Limits.MAX_CORES + " outside");
    }

    @Test
    void aFlagOtherThan0Or1IsRefused() {
        for (int value : new int[] {2, 255}) {
            byte[] b = bytes(new Debugger(true));
            b[1] = (byte) value;
            refused(b, "Debugger.attached: value " + value + " is neither 0 nor 1");
            byte[] h = bytes(BARE_HM);
            h[h.length - 1] = (byte) value;
            refused(h, "HmReported.raised: value " + value + " is neither 0 nor 1");
        }
    }

    @Test
    void aNegativeCountIsRefused() {
        refused(withLong(bytes(new LinkMessage.WindowUsed(1, 5, 2)), 5, -5), "WindowUsed.windowNs: negative count -5");
        refused(withLong(bytes(new LinkMessage.WindowUsed(1, 5, 2)), 13, -1), "WindowUsed.busyNs: negative count -1");
    }

    /** A partition's processes cannot have held a core for longer than its window. */
    @Test
    void aWindowUseBeyondItsWindowIsRefused() {
        refused(withLong(bytes(new LinkMessage.WindowUsed(1, 5, 2)), 13, 6), "WindowUsed.busyNs: 6 beyond the window's 5");
        assertThrows(IllegalArgumentException.class, () -> new LinkMessage.WindowUsed(1, 5, 6));
    }

    /**
     * A stream cut inside a message is a protocol error (the message is lost and the next one's start unknown), not
     * the clean end between messages that {@link EOFException} reports.
     */
    @Test
    void aStreamCutInsideAMessageIsAProtocolErrorAndOnlyACutBeforeItIsTheEnd() throws IOException {
        assertThrows(EOFException.class, () -> LinkCodec.read(in(new byte[0])));
        for (LinkMessage m : LinkSamples.all()) {
            byte[] whole = bytes(m);
            for (int length = 1; length < whole.length; length++) {
                refused(Arrays.copyOf(whole, length), "the stream ends inside the message");
            }
        }
    }

    // Writing.

    @Test
    void aStringLongerThanItsBoundIsShortenedWithDotsBetweenCharacters() throws IOException {
        String[] names = {"p".repeat(300), "é".repeat(200), "🛰".repeat(100), "a" + "🛰".repeat(100)};
        for (String name : names) {
            Hello back = (Hello) LinkCodec.read(in(bytes(new Hello(name, 1))));
            assertShortened(name, back.partition(), LinkCodec.MAX_NAME_BYTES);
        }
        String text = "€".repeat(2000);
        Console back = (Console) LinkCodec.read(in(bytes(new Console(text))));
        assertShortened(text, back.line(), LinkCodec.MAX_TEXT_BYTES);
        assertEquals(LinkCodec.MAX_TEXT_BYTES - 1, back.line().getBytes(StandardCharsets.UTF_8).length,
                "as many whole characters as fit: 1364 of 3 bytes, then the dots");
    }

    @Test
    void aStringAtItsBoundIsWrittenWhole() {
        assertArrayEquals(LinkSamples.LONGEST_TEXT.getBytes(StandardCharsets.UTF_8),
                LinkStrings.utf8Within(LinkSamples.LONGEST_TEXT, LinkCodec.MAX_TEXT_BYTES));
    }

    // Fuzzing.

    /**
     * Whatever the bytes, reading returns messages, ends cleanly or refuses: no other exception, no error, no
     * allocation sized by a hostile length. What it returns re-encodes to exactly the bytes it was read from.
     */
    @Test
    void readOnlyEverReturnsAMessageEndsOrRefuses() throws IOException {
        LinkFuzz fuzz = new LinkFuzz(20261124L, LinkSamples.all().stream().map(LinkSamples::bytes).toList());
        int messages = 0;
        int refusals = 0;
        for (int i = 0; i < 200_000; i++) {
            byte[] input = fuzz.next();
            ByteArrayInputStream source = new ByteArrayInputStream(input);
            DataInputStream in = new DataInputStream(source);
            try {
                while (true) {
                    int from = input.length - source.available();
                    LinkMessage m = LinkCodec.read(in);
                    int to = input.length - source.available();
                    assertArrayEquals(Arrays.copyOfRange(input, from, to), bytes(m), m::toString);
                    messages++;
                }
            } catch (EOFException end) {
                assertEquals(EOFException.class, end.getClass());
            } catch (LinkProtocolException refusal) {
                refusals++;
            } catch (Throwable t) {
                fail("input " + i + ": " + LinkSamples.hex(input), t);
            }
        }
        assertTrue(messages > 20_000 && refusals > 20_000, messages + " messages, " + refusals + " refusals");
    }

    private static void assertShortened(String original, String shortened, int bound) {
        int size = shortened.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(size <= bound && size > bound - 6, size + " bytes for a bound of " + bound);
        assertTrue(shortened.endsWith("..."), shortened);
        assertTrue(original.startsWith(shortened.substring(0, shortened.length() - 3)), shortened);
    }

    private static void refused(byte[] bytes, String reason) {
        LinkProtocolException e = assertThrows(LinkProtocolException.class, () -> LinkCodec.read(in(bytes)),
                () -> "read " + LinkSamples.hex(bytes));
        assertTrue(e.getMessage().contains(reason), () -> "'" + e.getMessage() + "' does not say '" + reason + "'");
    }

    private static byte[] withInt(byte[] b, int at, int value) {
        ByteBuffer.wrap(b).putInt(at, value);
        return b;
    }

    private static byte[] withLong(byte[] b, int at, long value) {
        ByteBuffer.wrap(b).putLong(at, value);
        return b;
    }

    /** {@code sample}'s bytes with the empty string at {@code at} replaced by {@code length} and {@code content}. */
    private static byte[] withString(LinkMessage sample, int at, int length, byte[] content) {
        byte[] b = bytes(sample);
        assertEquals(0, ByteBuffer.wrap(b).getInt(at), "the sample's string at " + at + " is empty");
        return ByteBuffer.allocate(b.length + content.length).put(b, 0, at).putInt(length).put(content)
                .put(b, at + 4, b.length - at - 4).array();
    }
}
