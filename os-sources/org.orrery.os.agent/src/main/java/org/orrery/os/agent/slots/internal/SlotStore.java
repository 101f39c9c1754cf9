// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.slots.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.orrery.os.agent.ImageId;
import org.orrery.os.agent.SlotInfo;
import org.orrery.os.agent.SlotState;
import org.orrery.os.agent.Verdict;

/**
 * The slots on disk, under {@code DIR/slots}:
 * <pre>
 * slots/a/image.oimg   slots/a/state   (state, image identity, reason of a failed trial)
 * slots/b/image.oimg   slots/b/state
 * slots/boot           the boot selection: selected slot, trial flag, the slot to fall back to
 * slots/counter        the stored security counter
 * </pre>
 * Every file changes through {@link AtomicFiles}, one file per step. The boot selection is the commit point of
 * both an install (selection moves to the new slot in trial) and a confirmation (trial flag cleared); the
 * other files are made consistent with it by {@link #recover()} at power on, so a cut between two steps
 * always reads as the state before or after the step that commits.
 */
public final class SlotStore {

    public static final List<String> SLOTS = List.of("a", "b");
    static final String IMAGE_FILE = "image.oimg";

    private final Path root;

    /**
     * A slot's state file. {@code install} numbers the board's installs (0: written before they were numbered), so
     * that of two slots holding one image the later install is known whatever befell either since.
     */
    public record Slot(String name, SlotState state, ImageId image, String reason, long install) {
        public Slot(String name, SlotState state, ImageId image, String reason) {
            this(name, state, image, reason, 0);
        }

        /** The same install in {@code state}, for {@code reason}. */
        public Slot as(SlotState state, String reason) {
            return new Slot(name, state, image, reason, install);
        }
    }

    /** The boot selection: {@code selected} null means nothing to boot. */
    public record Selection(String selected, boolean trial, String previous) {
        public static final Selection NONE = new Selection(null, false, null);
    }

    public SlotStore(Path dir) throws IOException {
        this.root = dir.resolve("slots");
        for (String s : SLOTS) {
            Files.createDirectories(root.resolve(s));
        }
    }

    public Path imageFile(String slot) {
        return root.resolve(slot).resolve(IMAGE_FILE);
    }

    public Slot slot(String name) throws IOException {
        Map<String, String> p = AtomicFiles.readProperties(root.resolve(name).resolve("state"));
        SlotState state = p.containsKey("state") ? SlotState.valueOf(p.get("state")) : SlotState.EMPTY;
        ImageId id = state == SlotState.EMPTY || !p.containsKey("sha256") ? null
                : new ImageId(p.get("system"), p.get("version"), p.get("sha256"), Long.parseLong(p.get("counter")));
        return new Slot(name, id == null ? SlotState.EMPTY : state, id, p.getOrDefault("reason", ""),
                id == null ? 0 : Long.parseLong(p.getOrDefault("install", "0")));
    }

    public void writeSlot(Slot s) throws IOException {
        Map<String, String> p = new TreeMap<>();
        p.put("state", s.state().name());
        if (s.image() != null) {
            p.put("system", s.image().system());
            p.put("version", s.image().version());
            p.put("sha256", s.image().sha256());
            p.put("counter", Long.toString(s.image().securityCounter()));
            if (s.install() > 0) {
                p.put("install", Long.toString(s.install()));
            }
        }
        if (s.reason() != null && !s.reason().isEmpty()) {
            p.put("reason", s.reason().replace('\n', ' '));
        }
        AtomicFiles.writeProperties(root.resolve(s.name()).resolve("state"), p);
    }

    public Selection selection() throws IOException {
        Map<String, String> p = AtomicFiles.readProperties(root.resolve("boot"));
        String selected = p.get("selected");
        if (selected == null || !SLOTS.contains(selected)) {
            return Selection.NONE;
        }
        String previous = p.get("previous");
        return new Selection(selected, Boolean.parseBoolean(p.get("trial")), previous != null && SLOTS.contains(previous) ? previous : null);
    }

    public void select(Selection s) throws IOException {
        Map<String, String> p = new TreeMap<>();
        if (s.selected() != null) {
            p.put("selected", s.selected());
            p.put("trial", Boolean.toString(s.trial()));
            if (s.previous() != null) {
                p.put("previous", s.previous());
            }
        }
        AtomicFiles.writeProperties(root.resolve("boot"), p);
    }

    public long counter() throws IOException {
        String v = AtomicFiles.readProperties(root.resolve("counter")).get("security-counter");
        return v == null ? 0 : Long.parseLong(v);
    }

    /** Raises the stored counter to {@code value}; never lowers it. */
    public void raiseCounter(long value) throws IOException {
        if (value > counter()) {
            AtomicFiles.writeProperties(root.resolve("counter"), Map.of("security-counter", Long.toString(value)));
        }
    }

    /**
     * Puts a verified image into {@code target} and selects it for a trial. Each step is durable before the
     * next; the selection, written last, commits the install (before it, {@link #recover()} empties the slot).
     *
     * @param previous the slot to fall back to when the trial fails, or null
     */
    public void install(String target, Path staged, ImageId id, String previous) throws IOException {
        long number = Math.max(slot("a").install(), slot("b").install()) + 1;
        writeSlot(new Slot(target, SlotState.EMPTY, null, ""));
        AtomicFiles.moveDurably(staged, imageFile(target));
        writeSlot(new Slot(target, SlotState.TRIAL, id, "", number));
        select(new Selection(target, true, previous));
    }

    /**
     * The trial of the selected slot passed. Clearing the trial flag commits; the slot's state and the counter
     * follow, and {@link #recover()} finishes them after a cut.
     */
    public void confirm() throws IOException {
        Selection sel = selection();
        Slot slot = slot(sel.selected());
        select(new Selection(sel.selected(), false, null));
        writeSlot(slot.as(SlotState.GOOD, ""));
        raiseCounter(slot.image().securityCounter());
    }

    /**
     * The trial of {@code sel} failed: its slot is BAD (first, so a cut before the selection moves still finds
     * the trial failed), then the previous slot is selected if it is GOOD, else nothing.
     *
     * @return the slot selected now, or null
     */
    public String revert(Selection sel, String reason) throws IOException {
        Slot slot = slot(sel.selected());
        if (slot.state() != SlotState.EMPTY) {
            writeSlot(slot.as(SlotState.BAD, reason));
        }
        boolean previousGood = sel.previous() != null && slot(sel.previous()).state() == SlotState.GOOD;
        select(previousGood ? new Selection(sel.previous(), false, null) : Selection.NONE);
        return previousGood ? sel.previous() : null;
    }

    /** The other slot: where an install writes while {@code slot} is selected. */
    public static String other(String slot) {
        return "a".equals(slot) ? "b" : "a";
    }

    /**
     * Makes the files agree with the boot selection after a cut. Returns what it did, one line per repair,
     * for the SLOT events of the next boot. A selection still in trial is NOT repaired here: whether the
     * trial failed is the caller's decision (at power on it did).
     */
    public List<String> recover() throws IOException {
        List<String> done = new ArrayList<>();
        AtomicFiles.removeTemporaries(root);
        for (String s : SLOTS) {
            AtomicFiles.removeTemporaries(root.resolve(s));
        }
        Selection sel = selection();
        for (String s : SLOTS) {
            Slot slot = slot(s);
            boolean selected = s.equals(sel.selected());
            if (slot.state() == SlotState.TRIAL && selected && !sel.trial()) {
                // The selection committed the confirmation; the slot and counter steps after it were cut.
                writeSlot(slot.as(SlotState.GOOD, ""));
                done.add("slot " + s + " confirmed good (finishing a confirmation cut short)");
            } else if (slot.state() == SlotState.TRIAL && !selected) {
                // Written but never selected: the install was cut before its switch.
                Files.deleteIfExists(imageFile(s));
                writeSlot(new Slot(s, SlotState.EMPTY, null, ""));
                done.add("slot " + s + " emptied (an install was cut before the switch)");
            } else if (slot.state() != SlotState.EMPTY && !Files.exists(imageFile(s))) {
                writeSlot(new Slot(s, SlotState.EMPTY, null, ""));
                done.add("slot " + s + " emptied (its image file is missing)");
            }
        }
        Slot selected = sel.selected() == null ? null : slot(sel.selected());
        if (selected != null && selected.state() == SlotState.GOOD && selected.image().securityCounter() > counter()) {
            raiseCounter(selected.image().securityCounter());
            done.add("security counter raised to " + selected.image().securityCounter());
        }
        return done;
    }

    /**
     * How the trial of image {@code sha256} ended, as the slots tell it. When both slots hold it (an image flashed
     * again), the later install is the one asked about: the one with the higher install number (a slot that failed
     * its check at boot is BAD, yet may be the earlier). Slots written before installs were numbered tell it by their
     * states: the later install went to the slot that was not selected, so it is the one on trial, or the one that
     * failed while the earlier stays good; of two good slots, the selected one.
     */
    public Verdict verdict(String sha256) throws IOException {
        String selected = selection().selected();
        Slot latest = null;
        int rank = -1;
        for (String s : SlotStore.SLOTS) {
            Slot slot = slot(s);
            int r = laterInstall(slot.state()) * 2 + (s.equals(selected) ? 1 : 0);
            if (slot.image() != null && slot.image().sha256().equals(sha256)
                    && (latest == null || slot.install() > latest.install()
                            || slot.install() == latest.install() && r > rank)) {
                latest = slot;
                rank = r;
            }
        }
        if (latest != null) {
            return switch (latest.state()) {
                case GOOD -> new Verdict(Verdict.Outcome.CONFIRMED, "confirmed good in slot " + latest.name());
                case BAD -> new Verdict(Verdict.Outcome.ROLLED_BACK, latest.reason());
                default -> Verdict.pending();
            };
        }
        return new Verdict(Verdict.Outcome.ROLLED_BACK, "no slot holds image " + sha256.substring(0, Math.min(12, sha256.length()))
                + "...: it was not installed or a later install replaced it");
    }

    private static int laterInstall(SlotState state) {
        return switch (state) {
            case TRIAL -> 3;
            case BAD -> 2;
            case GOOD -> 1;
            default -> 0;
        };
    }

    public List<SlotInfo> infos() throws IOException {
        Selection sel = selection();
        List<SlotInfo> out = new ArrayList<>();
        for (String s : SLOTS) {
            Slot slot = slot(s);
            out.add(new SlotInfo(s, slot.state(), slot.image(), s.equals(sel.selected())));
        }
        return out;
    }
}
