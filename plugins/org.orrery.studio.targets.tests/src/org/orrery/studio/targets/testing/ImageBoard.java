// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.orrery.os.agent.BoardControl;
import org.orrery.os.agent.BoardEvent;
import org.orrery.os.agent.BoardStatus;
import org.orrery.os.agent.ImageId;
import org.orrery.os.agent.Refusal;
import org.orrery.os.agent.SlotInfo;
import org.orrery.os.agent.SlotState;
import org.orrery.os.agent.Verdict;
import org.orrery.os.image.ImageException;
import org.orrery.os.image.ImageManifest;
import org.orrery.os.image.LoadedImage;

/**
 * A two-slot board for Studio's tests while the bootloader side ({@code SlotBoard}) is not merged yet: uploads
 * are staged in files, the image loader verifies them against the trusted signer (its refusals become the
 * board's, with their reason), an install goes to the inactive slot on trial and confirms itself good after
 * {@code trial} of wall-clock time. It boots nothing.
 */
public final class ImageBoard implements BoardControl {

    private final Path staging;
    private final PublicKey signer;
    private final Duration trial;
    private final SlotState[] states = { SlotState.EMPTY, SlotState.EMPTY };
    private final ImageId[] images = new ImageId[2];
    private int selected = -1;
    private long counter;
    private String trialSha;
    private final List<Consumer<BoardEvent>> listeners = new ArrayList<>();

    public ImageBoard(Path dir, PublicKey signer, Duration trial) throws IOException {
        this.staging = Files.createDirectories(dir.resolve("staging"));
        this.signer = signer;
        this.trial = trial;
    }

    @Override
    public synchronized BoardStatus status() {
        List<SlotInfo> slots = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            slots.add(new SlotInfo(name(i), states[i], images[i], i == selected));
        }
        return new BoardStatus("sim", selected < 0 ? null : name(selected), selected < 0 ? null : images[selected],
                slots, counter);
    }

    private static String name(int slot) {
        return slot == 0 ? "a" : "b";
    }

    @Override
    public synchronized long beginUpload(String sha256, long size) throws Refusal {
        if (!sha256.matches("[0-9a-f]{64}") || size <= 0) {
            throw new Refusal("bad-request", "upload needs a SHA-256 and a size");
        }
        try {
            Path f = staging.resolve(sha256);
            if (!Files.exists(f)) {
                Files.createFile(f);
            }
            return Files.size(f);
        } catch (IOException e) {
            throw new Refusal("io", e.getMessage());
        }
    }

    @Override
    public synchronized void writeChunk(String sha256, long offset, byte[] data) throws Refusal {
        Path f = staging.resolve(sha256);
        try {
            if (!Files.exists(f)) {
                throw new Refusal("no-upload", "no upload of " + sha256 + " was begun");
            }
            if (Files.size(f) != offset) {
                throw new Refusal("bad-offset", "chunk at " + offset + " but the upload ends at " + Files.size(f));
            }
            try (OutputStream out = Files.newOutputStream(f, StandardOpenOption.APPEND)) {
                out.write(data);
            }
        } catch (IOException e) {
            throw new Refusal("io", e.getMessage());
        }
    }

    @Override
    public synchronized SlotInfo install(String sha256, boolean allowDowngrade, String requestedBy) throws Refusal {
        Path f = staging.resolve(sha256);
        LoadedImage loaded;
        try {
            if (!Files.exists(f) || !sha256(f).equals(sha256)) {
                throw new Refusal("truncated", "the staged upload does not hash to " + sha256);
            }
            loaded = LoadedImage.load(f, signer, allowDowngrade ? 0 : counter);
        } catch (ImageException e) {
            throw new Refusal(e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'), e.getMessage());
        } catch (IOException e) {
            throw new Refusal("io", e.getMessage());
        }
        ImageManifest m = loaded.image().manifest();
        int target = selected == 0 ? 1 : 0;
        states[target] = SlotState.TRIAL;
        images[target] = new ImageId(m.systemName(), m.orreryVersion(), sha256, m.securityCounter());
        selected = target;
        trialSha = sha256;
        Thread.ofVirtual().start(() -> confirmLater(target, sha256));
        return new SlotInfo(name(target), SlotState.TRIAL, images[target], true);
    }

    private void confirmLater(int slot, String sha256) {
        try {
            Thread.sleep(trial);
        } catch (InterruptedException e) {
            return;
        }
        synchronized (this) {
            if (sha256.equals(trialSha)) {
                states[slot] = SlotState.GOOD;
                counter = Math.max(counter, images[slot].securityCounter());
                trialSha = null;
                notifyAll();
            }
        }
    }

    @Override
    public synchronized Verdict awaitVerdict(String sha256, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sha256.equals(trialSha)) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return Verdict.pending();
            }
            wait(left);
        }
        for (int i = 0; i < 2; i++) {
            if (images[i] != null && images[i].sha256().equals(sha256) && states[i] == SlotState.GOOD) {
                return new Verdict(Verdict.Outcome.CONFIRMED, "confirmed after a trial of " + trial.toMillis() + " ms");
            }
        }
        return new Verdict(Verdict.Outcome.ROLLED_BACK, "image " + sha256 + " is not on this board");
    }

    @Override
    public synchronized AutoCloseable subscribe(Consumer<BoardEvent> listener) {
        listeners.add(listener);
        return () -> {
            synchronized (ImageBoard.this) {
                listeners.remove(listener);
            }
        };
    }

    @Override
    public void close() {
    }

    private static String sha256(Path f) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
