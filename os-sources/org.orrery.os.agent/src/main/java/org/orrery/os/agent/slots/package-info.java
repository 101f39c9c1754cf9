// SPDX-License-Identifier: EPL-2.0
/**
 * The bootloader's side of the board agent: {@link org.orrery.os.agent.slots.SlotBoard}, a
 * {@link org.orrery.os.agent.BoardControl} over a directory of A/B slots.
 *
 * <h2>On disk ({@code DIR})</h2>
 * <pre>
 * trust/signers/*.pub   Ed25519 public keys images must be signed with (read only)
 * staging/upload.part   the upload in progress; upload.info its image's announced digest and size
 * slots/a|b/image.oimg  a slot's image; slots/a|b/state its state (EMPTY, TRIAL, GOOD, BAD), identity, reason
 * slots/boot            the boot selection: selected slot, trial flag, slot to fall back to
 * slots/counter         the stored security counter
 * </pre>
 * Every change is one atomic file replacement (temporary file, fsync, rename, directory fsync).
 *
 * <h2>Install, trial, confirm, rollback (after MCUboot's test/confirm/revert)</h2>
 * Install: the staged file's length, then the image in it (its digest, which must be the one the upload was
 * announced by, its signature against the trusted signers) and its security counter against the stored one
 * (lower is {@code downgrade} unless overridden) are checked before anything changes; an image refused as such
 * drops the upload; then the inactive slot is emptied, the file renamed into it, the slot marked TRIAL, and the
 * boot selection switched to it in trial (the commit point). The running image is stopped and the new one booted
 * in a child JVM. A trial passes after N healthy major frames in a row (default 10): no health-monitor action
 * above process level and no watchdog expiry in the frame, and every partition that had a window in it in
 * NORMAL at its end. Frames in which a partition is still in its first cold start, before any fault, are not
 * judged (a hosted partition JVM loads and compiles first, for as long as the host makes it). Confirmation clears
 * the trial flag (commit), marks the slot GOOD and raises the stored counter to the image's. A trial fails after
 * 10×N judged frames without such a run, after a wall-clock bound, or when the board process dies: the slot becomes
 * BAD with the reason and the previous GOOD slot is booted again.
 *
 * <h2>Power on</h2>
 * Half-done steps are finished or undone so that the files agree with the boot selection; a selection still in
 * trial means the trial was cut, so it is reverted; the selected slot's image is checked again and booted. A
 * board process that dies outside a trial is a watchdog reset: the selected slot boots again, with back-off.
 */
package org.orrery.os.agent.slots;
