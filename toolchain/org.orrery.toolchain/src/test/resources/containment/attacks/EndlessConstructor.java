// SPDX-License-Identifier: EPL-2.0
package attack;

import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;

/** Its constructor never returns. */
public final class Attack implements PartitionApplication {
    public Attack() {
        long x = 0;
        while (x >= 0) {
            x = (x + 1) & 0xffff;
        }
    }

    @Override
    public void initialize(Partition p) {
    }
}
