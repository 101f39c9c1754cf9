// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent;

import java.util.Locale;

/** What a client key may do on a board; granted per key in {@code DIR/trust/clients}. */
public enum Role {
    /** upload, install and await images */
    FLASH,
    /** read the status, subscribe to events */
    MONITOR,
    /** the debug tunnel (issue 14) */
    DEBUG,
    /** operate the running system: start, stop, restart partitions, switch plan */
    OPERATE;

    /** The name in the clients file and in messages: {@code flash}, {@code monitor}, {@code debug}, {@code operate}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every label, comma-separated, for messages and help texts. */
    public static String labels() {
        return String.join(", ", java.util.Arrays.stream(values()).map(Role::label).toList());
    }

    public static Role ofLabel(String label) {
        for (Role r : values()) {
            if (r.label().equals(label)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + label + "' (roles: " + labels() + ")");
    }
}
