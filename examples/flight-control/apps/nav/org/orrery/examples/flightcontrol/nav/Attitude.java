// SPDX-License-Identifier: EPL-2.0
package org.orrery.examples.flightcontrol.nav;

import java.nio.ByteBuffer;

/** Wire format of an attitude sample: sequence, roll, pitch, heading (degrees), latitude. */
final class Attitude {

    static final int BYTES = 8 + 4 * 8;

    private Attitude() {
    }

    static void write(ByteBuffer b, long seq, double roll, double pitch, double heading, double latitude) {
        b.clear();
        b.putLong(seq).putDouble(roll).putDouble(pitch).putDouble(heading).putDouble(latitude);
    }
}
