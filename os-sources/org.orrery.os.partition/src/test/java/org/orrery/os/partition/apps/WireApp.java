// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.partition.apps;

import org.orrery.os.api.IllegalRequestException;
import org.orrery.os.api.Partition;
import org.orrery.os.api.PartitionApplication;
import org.orrery.os.api.PartitionMode;
import org.orrery.os.api.ProcessRef;

/**
 * A partition application for the partition end of the wire, loaded by a {@link org.orrery.os.partition
 * .PartitionClassLoader} as an image's application is: it asks the kernel its partition's name and does what the
 * name says, so the test standing in for the kernel picks the case with its first RETURN. It may name nothing but
 * java.* and the partition API.
 */
public final class WireApp implements PartitionApplication {

    @Override
    public void initialize(Partition p) {
        String what = p.name();
        switch (what) {
            case "log" -> p.log("hello");
            case "divide" -> p.log("1/0 = " + 1 / (what.length() - 6));
            case "refused" -> p.setMode(PartitionMode.NORMAL);
            case "caught" -> {
                try {
                    p.setMode(PartitionMode.NORMAL);
                } catch (IllegalRequestException e) {
                    p.log("refused: " + e.getMessage());
                }
            }
            case "process" -> p.createProcess(new ProcessRef("worker", 0), () -> p.log("worker runs"));
            case "wait" -> {
                try {
                    p.periodicWait();
                } catch (Throwable e) {
                    p.log("never: an unwound process speaks no more");
                }
            }
            default -> throw new IllegalArgumentException("no case " + what);
        }
    }
}
