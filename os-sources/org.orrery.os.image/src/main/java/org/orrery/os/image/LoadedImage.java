// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image;

import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.orrery.os.config.ConfigException;
import org.orrery.os.config.ConfigReader;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.trace.ctf.CtfNames;

/**
 * A verified image, ready to boot: its configuration decoded and its application jars at hand. Which board
 * boots it, and how that board isolates the applications, is the board's business: the image library knows
 * none. Nothing in an image is used before {@link ImageVerifier} has accepted it.
 */
public record LoadedImage(Image image, SystemConfig config) {

    /** Verifies {@code file} against {@code trusted}, then decodes the configuration. */
    public static LoadedImage load(Path file, PublicKey trusted, long minimumSecurityCounter) throws ImageException {
        return of(ImageVerifier.verify(file, trusted, minimumSecurityCounter), file.toString());
    }

    /** For an image already verified (or just built in memory by this process). */
    public static LoadedImage of(Image image, String name) throws ImageException {
        byte[] config = image.config();
        if (config == null) {
            throw new ImageException(ImageException.Reason.BAD_CONTENT, name + ": image has no configuration entry");
        }
        try {
            return new LoadedImage(image, ConfigReader.read(config));
        } catch (ConfigException e) {
            throw new ImageException(ImageException.Reason.BAD_CONTENT, name
                    + ": the configuration inside the image cannot be read by this OS version (" + e.getMessage() + ")");
        }
    }

    /** Application jar bytes by partition name. */
    public Map<String, byte[]> applicationJars() {
        Map<String, byte[]> jars = new TreeMap<>();
        for (String p : image.applicationPartitions()) {
            jars.put(p, image.applicationJar(p));
        }
        return jars;
    }

    /** The OS module jars the image carries, by bundle symbolic name. */
    public Map<String, byte[]> osModules() {
        Map<String, byte[]> jars = new TreeMap<>();
        for (String m : image.kernelModules()) {
            jars.put(m, image.kernelModule(m));
        }
        return jars;
    }

    /** The names the image's traces give their numbers (partitions, processes, ports, plans...). */
    public CtfNames traceNames() {
        return TraceNames.of(config);
    }

    /** A trace uuid derived from the image bytes' manifest, so the same image gives the same trace bytes. */
    public UUID traceUuid() {
        return UUID.nameUUIDFromBytes(image.manifest().toBytes());
    }
}
