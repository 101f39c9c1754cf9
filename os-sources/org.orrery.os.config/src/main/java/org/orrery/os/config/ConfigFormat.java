// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

/**
 * Constants of the binary configuration format (big-endian):
 * <pre>
 * header   magic "ORCF" (4 bytes), u16 version, u16 flags (0), u32 body length
 * body     u32 string count, strings (u16 byte length + UTF-8), then the model: strings as u32 indices
 *          into the table, enums as u8 ordinals, lists as u32 count + items, references to partitions,
 *          ports and plans as i16 indices (-1 = none)
 * trailer  u32 CRC-32 of header and body
 * </pre>
 * The field order is the order of the record components; {@link ConfigWriter} and {@link ConfigReader}
 * are the only code that knows it.
 */
public final class ConfigFormat {
    /** "ORCF". */
    public static final int MAGIC = 0x4F52_4346;
    /**
     * Incremented on every incompatible change; readers reject other versions. 1: first format. 2 (2026-11-23):
     * board NVRAM parameters (count + name, type, value) after {@code nvramSize}. 3: a memory region's
     * {@code shared} flag (bool) after its access.
     */
    public static final int VERSION = 3;
    public static final int HEADER_BYTES = 12;
    public static final int TRAILER_BYTES = 4;
    /**
     * File name of the configuration copy written beside a CTF trace (by {@code orrery run --trace}), so
     * that trace tools can turn the indexes in events back into partition, port and plan names. Hidden (leading
     * dot) because CTF readers such as babeltrace2 take every other file of a trace directory for a stream.
     */
    public static final String TRACE_COMPANION_FILE = ".configuration.orcf";

    private ConfigFormat() {
    }
}
