// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import java.nio.charset.StandardCharsets;

/**
 * A parameter the board keeps in NVRAM (host name, link-aggregation mode, MTU, ...), with its factory value.
 *
 * @param name unique among the board's parameters
 * @param type how {@code value} is read
 * @param value the factory value; for {@link ParamType#INTEGER} a decimal {@code long}
 */
public record NvramParam(String name, ParamType type, String value) {

    /** Per parameter in the NVRAM block: a u16 length before the name and one before the value. */
    public static final int FRAMING_BYTES = 4;

    public NvramParam {
        name = Checks.str(name, "nvramParam.name");
        type = Checks.obj(type, "nvramParam.type");
        value = Checks.str(value, "nvramParam.value");
    }

    /**
     * Bytes of NVRAM this parameter takes in the board's parameter block (name and value in UTF-8 plus
     * framing); the block of all parameters must fit in the board's {@code nvramSize}.
     */
    public long storageBytes() {
        return FRAMING_BYTES + name.getBytes(StandardCharsets.UTF_8).length + value.getBytes(StandardCharsets.UTF_8).length;
    }
}
