// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

/** A flash slot that can hold one image (A/B update scheme). */
public record FlashSlot(String name, long size) {
    public FlashSlot {
        name = Checks.str(name, "flashSlot.name");
    }
}
