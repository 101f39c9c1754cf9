// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class ConfigMalformedTest {

    private static byte[] valid() throws ConfigException {
        return ConfigWriter.write(Samples.full());
    }

    /** Recomputes the trailer so that a deliberate edit reaches the field checks. */
    private static byte[] reseal(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data, 0, data.length - 4);
        ByteBuffer.wrap(data).putInt(data.length - 4, (int) crc.getValue());
        return data;
    }

    private static ConfigException rejects(byte[] data) {
        return assertThrows(ConfigException.class, () -> ConfigReader.read(data));
    }

    @Test
    void everyTruncationIsRejectedCleanly() throws ConfigException {
        byte[] data = valid();
        for (int len = 0; len < data.length; len++) {
            ConfigException e = rejects(Arrays.copyOf(data, len));
            assertTrue(e.getMessage().contains("header") || e.getMessage().contains("truncated"), e.getMessage());
        }
    }

    @Test
    void badMagicIsNamed() throws ConfigException {
        byte[] data = valid();
        data[0] = 'X';
        ConfigException e = rejects(data);
        assertEquals("header.magic", e.field());
        assertEquals(0, e.offset());
    }

    @Test
    void wrongVersionIsNamed() throws ConfigException {
        byte[] data = valid();
        data[5] = (byte) (ConfigFormat.VERSION + 1);
        ConfigException e = rejects(data);
        assertEquals("header.version", e.field());
        assertTrue(e.getMessage().contains("version " + (ConfigFormat.VERSION + 1)), e.getMessage());
    }

    @Test
    void corruptedByteFailsTheChecksum() throws ConfigException {
        byte[] data = valid();
        data[data.length / 2] ^= 0x10;
        assertEquals("trailer.crc", rejects(data).field());
    }

    @Test
    void trailingBytesAreRejected() throws ConfigException {
        byte[] data = valid();
        assertEquals("header.length", rejects(Arrays.copyOf(data, data.length + 3)).field());
    }

    @Test
    void outOfRangePartitionIndexIsNamed() throws ConfigException {
        byte[] data = valid();
        int at = find(data, Samples.MARKER_DURATION);
        // The window's partition reference follows its duration.
        ByteBuffer.wrap(data).putShort(at + 8, (short) 99);
        ConfigException e = rejects(reseal(data));
        assertEquals("plans[0].windows[2].partition", e.field());
        assertEquals(at + 8, e.offset());
        assertTrue(e.getMessage().contains("index 99 out of range 0..2"), e.getMessage());
    }

    @Test
    void outOfRangeStringIndexIsNamed() throws ConfigException {
        byte[] data = valid();
        int stringCount = ByteBuffer.wrap(data).getInt(ConfigFormat.HEADER_BYTES);
        int pos = ConfigFormat.HEADER_BYTES + 4;
        for (int i = 0; i < stringCount; i++) {
            pos += 2 + ByteBuffer.wrap(data).getShort(pos);
        }
        ByteBuffer.wrap(data).putInt(pos, 5000);
        ConfigException e = rejects(reseal(data));
        assertEquals("name", e.field());
        assertEquals(pos, e.offset());
    }

    @Test
    void outOfRangeEnumIsNamed() throws ConfigException {
        byte[] data = valid();
        // The board's console flag sits after the system name, board name, cores, memory size and tick.
        int boardConsole = bodyStart(data) + 4 + 4 + 4 + 8 + 8;
        data[boardConsole] = 7;
        ConfigException e = rejects(reseal(data));
        assertEquals("board.console", e.field());
        assertEquals(boardConsole, e.offset());
    }

    @Test
    void semanticErrorsInDecodedModelAreRejected() throws ConfigException {
        byte[] data = valid();
        // Board core count 4 -> 0: decodes fine, but the validator refuses it.
        ByteBuffer.wrap(data).putInt(bodyStart(data) + 4 + 4, 0);
        ConfigException e = rejects(reseal(data));
        assertTrue(e.problems().stream().anyMatch(p -> p.field().equals("board.cores")), e.getMessage());
        assertEquals(-1, e.offset());
    }

    @Test
    void hugeCoreCountIsRefusedNotAllocated() throws ConfigException {
        byte[] data = valid();
        // One corrupted high byte: 4 cores become 2,130,706,436; the schedule rules once sized a table per core.
        ByteBuffer.wrap(data).putInt(bodyStart(data) + 4 + 4, 0x7F00_0004);
        ConfigException e = rejects(reseal(data));
        assertTrue(e.problems().contains(new ConfigProblem("board.cores", "must be in 1..256 (is 2130706436)")),
                e.getMessage());
    }

    /**
     * Overwrites 1 to 4 random bytes of the body (CRC resealed) and reads: the reader refuses with a
     * ConfigException or accepts, and what it accepts must survive read, write, read unchanged.
     * <p>
     * A byte can change without any check noticing only in text (the string table holds about a quarter of this
     * blob) or in slack of a number, so roughly one blob in ten is accepted. The decoder alone (framing, counts,
     * indices, enums) refuses about three quarters; the validator refuses most of the rest. At least 85% must be
     * refused: a reader that stopped validating the decoded model falls to about 75% and fails, as does one that
     * accepts everything. Measured: of the default 1,000 cases 749 refused by the decoder, 164 by the validator,
     * 87 accepted; of 20,000 (-P slow-tests) 15,123, 3,155 and 1,722.
     */
    @Test
    void randomCorruptionIsRefusedOrRoundTrips() throws ConfigException {
        byte[] data = valid();
        Random random = new Random(42);
        int cases = Integer.getInteger("orrery.fuzz.cases", 10_000) / 10;
        int decoderRefused = 0;
        int validatorRefused = 0;
        for (int i = 0; i < cases; i++) {
            byte[] copy = data.clone();
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                int at = ConfigFormat.HEADER_BYTES + random.nextInt(copy.length - ConfigFormat.HEADER_BYTES - 4);
                copy[at] = (byte) random.nextInt(256);
            }
            reseal(copy);
            SystemConfig read;
            try {
                read = ConfigReader.read(copy);
            } catch (ConfigException refused) {
                if (refused.offset() < 0) {
                    validatorRefused++;
                } else {
                    decoderRefused++;
                }
                continue;
            } catch (RuntimeException | Error escaped) {
                throw new AssertionError("case " + i + " escaped as " + escaped, escaped);
            }
            assertRoundTrips(read, "case " + i);
        }
        int refused = decoderRefused + validatorRefused;
        String counts = refused + " of " + cases + " refused (" + decoderRefused + " by the decoder, " + validatorRefused
                + " by the validator), " + (cases - refused) + " accepted";
        assertTrue(refused * 100L >= cases * 85L, counts);
        // Both the validator and the round trip must have had something to do, or the test proves little.
        assertTrue(validatorRefused > 0 && cases > refused, counts);
    }

    /**
     * The format promises equal models, not equal bytes: the reader takes a string table in any order and with
     * unused entries (a corrupted string index leaves one), the writer numbers strings by first use. So the
     * first rewrite may change the bytes, and from then on the bytes are a fixed point.
     */
    private static void assertRoundTrips(SystemConfig read, String label) throws ConfigException {
        byte[] canonical = ConfigWriter.write(read);
        SystemConfig again = ConfigReader.read(canonical);
        assertEquals(read, again, label);
        assertArrayEquals(canonical, ConfigWriter.write(again), label);
    }

    @Test
    void writerRefusesInvalidModelListingProblems() {
        SystemConfig c = Samples.minimal();
        SystemConfig bad = new SystemConfig(c.name(), c.board(), c.memoryRegions(), c.partitions(), c.channels(),
                c.plans(), "nope", c.planSwitchRules(), c.hmTables(), c.services(), c.vms());
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigWriter.write(bad));
        assertEquals("initialPlan", e.field());
    }

    private static int bodyStart(byte[] data) {
        ByteBuffer b = ByteBuffer.wrap(data);
        int n = b.getInt(ConfigFormat.HEADER_BYTES);
        int pos = ConfigFormat.HEADER_BYTES + 4;
        for (int i = 0; i < n; i++) {
            pos += 2 + b.getShort(pos);
        }
        return pos;
    }

    private static int find(byte[] data, long value) {
        byte[] needle = ByteBuffer.allocate(8).putLong(value).array();
        outer:
        for (int i = 0; i + 8 <= data.length; i++) {
            for (int j = 0; j < 8; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("marker not found");
    }
}
