// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.internal.wire;

import java.util.List;

import org.orrery.os.agent.BoardEvent;
import org.orrery.os.agent.BoardStatus;
import org.orrery.os.agent.ImageId;
import org.orrery.os.agent.SlotInfo;
import org.orrery.os.agent.SlotState;
import org.orrery.os.agent.Verdict;

/** One message of every type, with the optional parts both present and absent. */
final class Samples {

    static final String SHA = "0123456789abcdef".repeat(4);

    private Samples() {
    }

    static List<Message> all() {
        ImageId img = new ImageId("flight-control", "1.2.0", SHA, 7);
        SlotInfo a = new SlotInfo("a", SlotState.GOOD, img, false);
        SlotInfo b = new SlotInfo("b", SlotState.TRIAL, null, true);
        return List.of(
                new Message.Hello(1, 0, "orrery alice"),
                new Message.Welcome(1, 0, "bench-1", "hosted", "SHA256:" + "A".repeat(43)),
                new Message.Status(),
                new Message.StatusReply(new BoardStatus("sim", "a", img, List.of(a, b), 7)),
                new Message.StatusReply(new BoardStatus("hosted", null, null, List.of(), 0)),
                new Message.UploadBegin(SHA, 1 << 20),
                new Message.UploadOffset(SHA, 65536),
                new Message.Chunk(SHA, 0, new byte[] {1, 2, 3, (byte) 0xff}),
                new Message.Chunk(SHA, 5, new byte[0]),
                new Message.ChunkAck(4),
                new Message.Install(SHA, true, 30_000),
                new Message.Install(SHA, false, 0),
                new Message.Installed(b),
                new Message.Await(SHA, 30_000),
                new Message.VerdictReply(new Verdict(Verdict.Outcome.ROLLED_BACK, "partition nav crashed at start")),
                new Message.VerdictReply(new Verdict(Verdict.Outcome.CONFIRMED, null)),
                new Message.Subscribe(),
                new Message.Event(new BoardEvent(1_700_000_000_000L, BoardEvent.Kind.MODE, "nav NORMAL → IDLE")),
                new Message.Error("unauthorised", "client bob lacks the role 'flash'"),
                new Message.TraceStart(new byte[0], new byte[0]),
                new Message.TraceStart("/* CTF 1.8 */".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        new byte[] {'O', 'R', 'C', 'F', 1}),
                new Message.TracePacket(1, 2, new byte[] {(byte) 0xc1, 0x1f, (byte) 0xfc, (byte) 0xc1}),
                new Message.TraceEnd("stopped by the client", false, 1234, 0),
                new Message.TraceEnd("the board process ended (exit 3)", true, 99, 7),
                new Message.DebugOpen("nav"),
                new Message.DebugData(new byte[] {'J', 'D', 'W', 'P', 0}),
                new Message.DebugData(new byte[0]),
                new Message.DebugClose("the debugger closed its connection"),
                new Message.Event(new BoardEvent(1_700_000_000_001L, BoardEvent.Kind.CPU, "nav 10000 50000 NORMAL")),
                new Message.Control("switch-plan", "maintenance"),
                new Message.Event(new BoardEvent(1_700_000_000_002L, BoardEvent.Kind.PLAN, "main -> maintenance on core 1")),
                new Message.ControlDone("nav IDLE"));
    }
}
