// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.agent.slots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;

import org.orrery.os.api.ErrorCode;
import org.orrery.os.config.BoardConfig;
import org.orrery.os.config.CoreFrame;
import org.orrery.os.config.Criticality;
import org.orrery.os.config.HmAction;
import org.orrery.os.config.HmLevel;
import org.orrery.os.config.HmRule;
import org.orrery.os.config.HmTable;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.PlanConfig;
import org.orrery.os.config.ProcessConfig;
import org.orrery.os.config.ProcessKind;
import org.orrery.os.config.SchedulingPolicy;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.SystemState;
import org.orrery.os.config.WindowConfig;
import org.orrery.os.image.BuildRequest;
import org.orrery.os.image.ImageBuilder;
import org.orrery.os.image.SigningKeys;

/**
 * Real signed images for the agent's tests, built with the image library: one partition with a periodic
 * process on a 20 ms major frame, in a version that reaches NORMAL ({@code good}) and one whose process
 * throws as it starts, which its health-monitor table answers with a warm start of the partition, forever
 * ({@code failing}). (A process that throws before it used any board time restarts the partition at one
 * board instant forever and board time stops: the trial's wall-clock bound catches that one, too slowly for
 * a unit test; so the failing process works 2 ms first.) A third version runs as the good one does and shuts the
 * module down in its 10th major frame ({@code stopping}).
 */
public final class TestImages {

    static final long MS = 1_000_000L;
    static final long FRAME_NS = 20 * MS;

    final KeyPair signer = SigningKeys.generate();
    final KeyPair stranger = SigningKeys.generate();
    private final Path root;

    TestImages(Path root) throws IOException {
        this.root = root;
        write("good/app/demo/App.java", """
                package demo;

                import org.orrery.os.api.*;

                public class App implements PartitionApplication {
                    public void initialize(Partition p) {
                        p.log("app up");
                        p.createProcess(new ProcessRef("tick", 0), () -> {
                            while (true) {
                                p.compute(100_000);
                                p.periodicWait();
                            }
                        }).start();
                        p.setMode(PartitionMode.NORMAL);
                    }
                }
                """);
        write("failing/app/demo/App.java", """
                package demo;

                import org.orrery.os.api.*;

                public class App implements PartitionApplication {
                    public void initialize(Partition p) {
                        p.createProcess(new ProcessRef("tick", 0), () -> {
                            p.compute(2_000_000);
                            throw new IllegalStateException("cannot start: sensor missing");
                        }).start();
                        p.setMode(PartitionMode.NORMAL);
                    }
                }
                """);
        write("stopping/app/demo/App.java", """
                package demo;

                import org.orrery.os.api.*;

                public class App implements PartitionApplication {
                    public void initialize(Partition p) {
                        p.createProcess(new ProcessRef("tick", 0), () -> {
                            for (int frame = 1; ; frame++) {
                                p.compute(100_000);
                                if (frame == 10) {
                                    p.raiseError(ErrorCode.APPLICATION_ERROR, "end of mission");
                                }
                                p.periodicWait();
                            }
                        }).start();
                        p.setMode(PartitionMode.NORMAL);
                    }
                }
                """);
    }

    /** A good image whose module shuts down (its HM table's answer to the error it raises) in its 10th major frame. */
    Path stopping(String system, long counter) throws Exception {
        return build("stopping", system, counter, signer, false);
    }

    /** A good image of {@code system} with this counter, signed by the trusted signer. */
    Path good(String system, long counter) throws Exception {
        return build("good", system, counter, signer, false);
    }

    Path failing(String system, long counter) throws Exception {
        return build("failing", system, counter, signer, true);
    }

    Path signedBy(KeyPair key, String system, long counter) throws Exception {
        return build("good", system, counter, key, false);
    }

    Path unsigned(String system, long counter) throws Exception {
        return build("good", system, counter, null, false);
    }

    /** Puts the signer's public key where the board looks for trusted signers. */
    void trust(Path boardDir) throws IOException {
        Path signers = Files.createDirectories(boardDir.resolve("trust/signers"));
        Path tmp = Files.createTempDirectory(root, "key");
        SigningKeys.writePair(signer, tmp);
        Files.copy(tmp.resolve(SigningKeys.PUBLIC_FILE), signers.resolve("release.pub"));
    }

    private Path build(String variant, String system, long counter, KeyPair key, boolean restartForever) throws Exception {
        Path out = root.resolve(variant + "-" + system + "-" + counter + "-" + (key == null ? "unsigned"
                : SigningKeys.fingerprintHex(key.getPublic()).substring(0, 8)) + ".oimg");
        if (!Files.exists(out)) {
            ImageBuilder.buildTo(new BuildRequest(config(system, variant, restartForever), root, Map.of(),
                    BuildRequest.DEFAULT_KERNEL_MODULES, counter, key == null ? null : key.getPrivate()), out);
        }
        return out;
    }

    public static SystemConfig config(String system, String variant, boolean restartForever) {
        BoardConfig board = new BoardConfig("sim", 1, 1 << 24, MS, true, List.of(), 0, 0, List.of());
        PartitionConfig app = new PartitionConfig("app", 0, List.of(0), 1 << 20, Criticality.B,
                SchedulingPolicy.FIXED_PRIORITY, 0, "demo.App", variant + "/app", 0,
                List.of(new ProcessConfig("tick", ProcessKind.PERIODIC, FRAME_NS, FRAME_NS, 10, MS, 16384)), List.of());
        PlanConfig plan = new PlanConfig("main", List.of(new CoreFrame(0, FRAME_NS)),
                List.of(new WindowConfig(0, 0, 10 * MS, "app")));
        List<HmTable> hm = restartForever ? List.of(new HmTable("app", SystemState.PROCESS_EXECUTION, List.of(
                new HmRule(ErrorCode.APPLICATION_ERROR, HmLevel.PARTITION, HmAction.WARM_START_PARTITION, ""))))
                : variant.equals("stopping") ? List.of(new HmTable("app", SystemState.PROCESS_EXECUTION, List.of(
                        new HmRule(ErrorCode.APPLICATION_ERROR, HmLevel.MODULE, HmAction.SHUTDOWN_MODULE, ""))))
                : List.of();
        // a second plan, for operator plan switches: the same window later in the frame
        PlanConfig maintenance = new PlanConfig("maintenance", List.of(new CoreFrame(0, FRAME_NS)),
                List.of(new WindowConfig(0, 5 * MS, 10 * MS, "app")));
        return new SystemConfig(system, board, List.of(), List.of(app), List.of(), List.of(plan, maintenance), "main",
                List.of(), hm, List.of(), List.of());
    }

    private void write(String file, String text) throws IOException {
        Path p = root.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
