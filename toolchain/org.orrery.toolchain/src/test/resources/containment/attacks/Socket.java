// SPDX-License-Identifier: EPL-2.0
package attack;

import java.io.IOException;
import java.net.Socket;
import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.ProcessRef;

/** Opens a network connection. */
public final class Attack implements PartitionApplication {
    @Override
    public void initialize(Partition p) {
        p.createProcess(new ProcessRef("main", 0), () -> {
            attack(p);
            while (true) {
                p.compute(1_000_000L);
                p.periodicWait();
            }
        }).start();
        p.setMode(PartitionMode.NORMAL);
    }

    private static void attack(Partition p) {
        try (Socket s = new Socket("127.0.0.1", 22)) {
            p.log("connected");
        } catch (IOException e) {
            p.log("no network: " + e);
        }
    }
}
