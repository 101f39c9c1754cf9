// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.hosted.resident;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.orrery.os.api.PartitionMode;
import org.orrery.os.kernel.HmEvent;
import org.orrery.os.kernel.ModuleLink;
import org.orrery.os.trace.TraceEventType;

/**
 * The partition's side of the link: what its kernel owes the module, written to the board as it happens. The board
 * reads the link all the time, so a write waits for the socket's buffer at most. A board that is gone is noticed by
 * the reader of the link, which ends the partition; a write to it is dropped.
 */
final class LinkSender implements ModuleLink {
    private final DataOutputStream out;
    /** What the kernel told before the partition said hello (its boot's mode change): sent right after it. */
    private final List<LinkMessage> early = new ArrayList<>();
    private boolean introduced;
    private boolean broken;

    LinkSender(DataOutputStream out) {
        this.out = out;
    }

    /** The partition's first message, then what its kernel told before. */
    synchronized void hello(LinkMessage.Hello hello) throws IOException {
        LinkCodec.write(out, hello);
        for (LinkMessage m : early) {
            LinkCodec.write(out, m);
        }
        early.clear();
        introduced = true;
        out.flush();
    }

    synchronized void send(LinkMessage m) throws IOException {
        LinkCodec.write(out, m);
        out.flush();
    }

    private void tell(LinkMessage m) {
        tell(m, true);
    }

    /** With {@code flush} false the message waits in the buffer for the next one that is flushed. */
    private synchronized void tell(LinkMessage m, boolean flush) {
        if (broken) {
            return;
        }
        if (!introduced) {
            early.add(m);
            return;
        }
        try {
            LinkCodec.write(out, m);
            if (flush) {
                out.flush();
            }
        } catch (IOException e) {
            broken = true;
        }
    }

    /**
     * What the partition's kernel traced that only it knows, in messages of at most
     * {@link LinkMessage.TraceEvents#MAX_EVENTS}; the module's own events (windows, modes...) are left out.
     */
    void traced(long completeNs, List<long[]> events) {
        List<LinkMessage.TraceEvents.Event> mine = new ArrayList<>();
        for (long[] e : events) {
            TraceEventType type = TraceEventType.fromId((int) e[2]);
            if (type != null && LinkMessage.TraceEvents.Event.ofThePartition(type)) {
                mine.add(new LinkMessage.TraceEvents.Event((int) e[1], e[0], type, e[3], e[4], e[5]));
            }
        }
        int max = LinkMessage.TraceEvents.MAX_EVENTS;
        for (int from = 0; from < mine.size() || from == 0; from += max) {
            // only the last message promises anything: the events of a slice are in order per core, not across
            long complete = from + max < mine.size() ? Long.MIN_VALUE : completeNs;
            tell(new LinkMessage.TraceEvents(complete, mine.subList(from, Math.min(mine.size(), from + max))));
        }
    }

    void console(String line) {
        tell(new LinkMessage.Console(line));
    }

    @Override
    public void modeChanged(int p, PartitionMode from, PartitionMode to, long timeNs) {
        tell(new LinkMessage.ModeChanged(p, from, to, timeNs));
    }

    @Override
    public void hmEvent(int p, HmEvent event) {
        tell(LinkMessage.HmReported.of(p, event));
    }

    @Override
    public void windowUsed(int p, long windowNs, long busyNs) {
        // not worth a system call of its own at every window's end: it goes with the next message (the trace the
        // kernel sends after each slice of its time, at the latest)
        tell(new LinkMessage.WindowUsed(p, windowNs, busyNs), false);
    }

    @Override
    public void planRequested(int plan) {
        tell(new LinkMessage.PlanRequested(plan));
    }

    @Override
    public void coldStartRequested(int p) {
        tell(new LinkMessage.ColdStartRequested(p));
    }

    @Override
    public void shutdownRequested() {
        tell(new LinkMessage.ShutdownRequested());
    }

    @Override
    public void resetRequested() {
        tell(new LinkMessage.ResetRequested());
    }
}
