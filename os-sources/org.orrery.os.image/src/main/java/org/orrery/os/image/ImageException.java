// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image;

/**
 * An image that must not be loaded. Each {@link Reason} has one clear message; callers print
 * {@link #getMessage()} and never a stack trace.
 */
public final class ImageException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why an image was refused. */
    public enum Reason {
        /** Not an Orrery image at all (wrong magic). */
        NOT_AN_IMAGE,
        /** Written by a newer or unknown format version. */
        UNSUPPORTED_VERSION,
        /** Shorter than its header says: an interrupted copy or download. */
        TRUNCATED,
        /** Bytes changed after the image was built or signed. */
        TAMPERED,
        /** Built without a signing key. */
        UNSIGNED,
        /** Signed, but by a different key than the one we trust. */
        WRONG_KEY,
        /** Its security counter is lower than the minimum the loader accepts (rollback). */
        ROLLBACK,
        /** Verified, but its content cannot be used by this OS version (e.g. a newer configuration format). */
        BAD_CONTENT,
        /** Could not be read from disk. */
        IO
    }

    private final Reason reason;

    public ImageException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
