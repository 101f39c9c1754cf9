// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.slots.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.os.agent.ImageId;
import org.orrery.os.agent.SlotState;
import org.orrery.os.agent.Verdict;
import org.orrery.os.agent.slots.internal.SlotStore.Selection;
import org.orrery.os.agent.slots.internal.SlotStore.Slot;

class SlotStoreTest {

    @TempDir
    Path dir;

    private static final ImageId V1 = new ImageId("demo", "1", "11".repeat(32), 1);
    private static final ImageId V2 = new ImageId("demo", "1", "22".repeat(32), 5);

    @Test
    void aCutWriteLeavesTheOldSelectionAndRecoveryDropsTheHalfWrittenFile() throws Exception {
        SlotStore store = new SlotStore(dir);
        store.select(new Selection("a", false, null));
        byte[] old = Files.readAllBytes(dir.resolve("slots/boot"));
        // What a kill between writing the temporary file and the rename leaves behind.
        Files.writeString(dir.resolve("slots/boot.tmp"), "selected=b\ntr");
        assertEquals(new Selection("a", false, null), store.selection());
        store.recover();
        assertFalse(Files.exists(dir.resolve("slots/boot.tmp")));
        assertArrayEquals(old, Files.readAllBytes(dir.resolve("slots/boot")));

        store.select(new Selection("b", true, "a"));
        assertEquals(new Selection("b", true, "a"), new SlotStore(dir).selection(), "durable across a reopen");
        assertFalse(Files.exists(dir.resolve("slots/boot.tmp")), "no temporary file is left by a complete write");
    }

    @Test
    void recoveryEmptiesASlotWrittenButNeverSelected() throws Exception {
        SlotStore store = new SlotStore(dir);
        good(store, "a", V1);
        store.raiseCounter(1);
        store.select(new Selection("a", false, null));
        Files.writeString(store.imageFile("b"), "image bytes");
        store.writeSlot(new Slot("b", SlotState.TRIAL, V2, ""));

        List<String> repairs = store.recover();
        assertEquals(1, repairs.size(), repairs.toString());
        assertEquals(SlotState.EMPTY, store.slot("b").state());
        assertFalse(Files.exists(store.imageFile("b")));
        assertEquals(SlotState.GOOD, store.slot("a").state());
    }

    @Test
    void recoveryFinishesAConfirmationCommittedByTheSelection() throws Exception {
        SlotStore store = new SlotStore(dir);
        good(store, "a", V1);
        store.raiseCounter(1);
        Files.writeString(store.imageFile("b"), "image bytes");
        store.writeSlot(new Slot("b", SlotState.TRIAL, V2, ""));
        // The commit (trial flag cleared) happened; the slot and counter steps after it were cut.
        store.select(new Selection("b", false, null));

        store.recover();
        assertEquals(SlotState.GOOD, store.slot("b").state());
        assertEquals(5, store.counter());
        assertTrue(store.recover().isEmpty(), "recovery is idempotent");
    }

    @Test
    void theCounterNeverGoesDown() throws Exception {
        SlotStore store = new SlotStore(dir);
        assertEquals(0, store.counter());
        store.raiseCounter(7);
        store.raiseCounter(3);
        assertEquals(7, new SlotStore(dir).counter());
    }

    @Test
    void theVerdictOfAnImageBothSlotsHoldIsThatOfItsLaterInstall() throws Exception {
        SlotStore store = new SlotStore(dir);
        store.install("b", staged(), V2, null);
        store.confirm();
        // b fails its check at boot, and the same image flashed again goes to a and confirms
        store.writeSlot(store.slot("b").as(SlotState.BAD, "failed its check at boot"));
        store.select(Selection.NONE);
        store.install("a", staged(), V2, null);
        store.confirm();
        Verdict v = new SlotStore(dir).verdict(V2.sha256());
        assertEquals(new Verdict(Verdict.Outcome.CONFIRMED, "confirmed good in slot a"), v);

        // flashed once more, to b, its trial fails while a stays good
        store.install("b", staged(), V2, "a");
        store.revert(store.selection(), "no healthy frames");
        assertEquals(new Verdict(Verdict.Outcome.ROLLED_BACK, "no healthy frames"), store.verdict(V2.sha256()));
    }

    private Path staged() throws Exception {
        return Files.writeString(Files.createTempFile(dir, "staged", ".oimg"), "image bytes");
    }

    private static void good(SlotStore store, String slot, ImageId id) throws Exception {
        Files.writeString(store.imageFile(slot), "image bytes " + slot);
        store.writeSlot(new Slot(slot, SlotState.GOOD, id, ""));
    }
}
