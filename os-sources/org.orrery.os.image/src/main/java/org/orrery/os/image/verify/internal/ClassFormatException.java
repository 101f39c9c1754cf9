// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image.verify.internal;

/** A class file this reader cannot make sense of; the verifier reports it instead of guessing. */
public final class ClassFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ClassFormatException(String message) {
        super(message);
    }
}
