// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli.os;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.concurrent.Callable;

import org.orrery.cli.IoProblems;
import org.orrery.cli.OrreryCli;
import org.orrery.os.image.SigningKeys;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code orrery keygen}: creates the Ed25519 key pair images are signed with. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = "Create an Ed25519 signing key pair (orrery-signing.key, orrery-signing.pub); never overwrites.")
public final class KeygenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Directory for the key files (default: ~/.orrery/keys; $ORRERY_HOME/keys when set).")
    Path dir;

    @Override
    public Integer call() {
        Path target = dir != null ? dir : KeyLocations.defaultDir();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            // Otherwise the directory that cannot be created reads as a key that would be overwritten.
            spec.commandLine().getErr().println("orrery keygen: " + target + " is not a directory");
            return OrreryCli.EXIT_INPUT_ERRORS;
        }
        KeyPair pair = SigningKeys.generate();
        try {
            Path priv = SigningKeys.writePair(pair, target);
            var out = spec.commandLine().getOut();
            out.println("private key: " + priv + " (keep it secret; signs images)");
            out.println("public key:  " + target.resolve(SigningKeys.PUBLIC_FILE) + " (give it to `orrery run --key`)");
            out.println("fingerprint: " + SigningKeys.fingerprintHex(pair.getPublic()));
            return OrreryCli.EXIT_OK;
        } catch (FileAlreadyExistsException e) {
            spec.commandLine().getErr().println("orrery keygen: " + e.getFile()
                    + " already exists; refusing to overwrite a key (choose another directory with -o)");
            return OrreryCli.EXIT_INPUT_ERRORS;
        } catch (IOException e) {
            spec.commandLine().getErr().println("orrery keygen: cannot write keys to " + target + ": " + IoProblems.reason(e));
            return OrreryCli.EXIT_INPUT_ERRORS;
        }
    }
}
