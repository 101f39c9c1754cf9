// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.orrery.os.config.ConfigException;
import org.orrery.os.config.ConfigProblem;
import org.orrery.os.config.ConfigWriter;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.image.internal.AppCompiler;
import org.orrery.os.image.internal.DeterministicJar;
import org.orrery.os.image.internal.KernelModules;
import org.orrery.os.image.verify.CodeOrigin;
import org.orrery.os.image.verify.Finding;
import org.orrery.os.image.verify.PartitionCodeVerifier;

/**
 * Builds an image: canonical configuration, one jar per partition application (compiled here against the OS
 * API), the OS module jars this tool runs with, a manifest and a signature. All problems are collected and
 * reported together; nothing is written unless the whole build succeeds. Every application jar, compiled here
 * or supplied prebuilt, passes the {@link PartitionCodeVerifier} first: code that could reach the host, end
 * the board or escape the OS never gets into an image.
 */
public final class ImageBuilder {

    static final String API_MODULE = "org.orrery.os.api";
    static final String DEVELOPMENT_VERSION = "development";

    private ImageBuilder() {
    }

    public static BuildResult build(BuildRequest request) throws ImageBuildException {
        return build(request, ImageBuilder.class.getClassLoader());
    }

    /**
     * As {@link #build(BuildRequest)}, finding the OS modules through {@code osModules} instead of this
     * tool's own class loader. An OSGi host (Orrery Studio) passes a loader over the bundles' files, because
     * bundle class loaders do not expose other bundles' manifests as file or jar URLs.
     */
    public static BuildResult build(BuildRequest request, ClassLoader osModules) throws ImageBuildException {
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, byte[]> contents = new TreeMap<>();
        try {
            contents.put(Image.CONFIG_ENTRY, ConfigWriter.write(request.config()));
        } catch (ConfigException e) {
            for (ConfigProblem p : e.problems()) {
                problems.add("configuration: " + p.field() + ": " + p.message());
            }
        }
        Map<String, Path> modules = KernelModules.locate(request.kernelModules(), osModules);
        for (String m : request.kernelModules()) {
            if (!modules.containsKey(m)) {
                problems.add("OS module " + m + " is not on the class path of this tool (build it, or run the "
                        + "tool from a complete distribution)");
            }
        }
        SortedMap<String, Long> classBytes = new TreeMap<>();
        SortedMap<String, Long> jarBytes = new TreeMap<>();
        String version = DEVELOPMENT_VERSION;
        long verifyNanos = 0;
        try {
            for (Map.Entry<String, Path> m : modules.entrySet()) {
                Map<String, byte[]> files = KernelModules.read(m.getValue());
                Map<String, String> identity = KernelModules.identity(m.getValue());
                byte[] jar = DeterministicJar.write(identity, files);
                contents.put(Image.KERNEL_PREFIX + m.getKey() + Image.JAR_SUFFIX, jar);
                jarBytes.put(m.getKey(), (long) jar.length);
                classBytes.put(m.getKey(), files.entrySet().stream().filter(f -> f.getKey().endsWith(".class"))
                        .mapToLong(f -> f.getValue().length).sum());
                if (m.getKey().equals(API_MODULE)) {
                    version = identity.getOrDefault("Implementation-Version", DEVELOPMENT_VERSION);
                }
            }
            if (request.config() != null && modules.containsKey(API_MODULE)) {
                List<Finding> findings = new ArrayList<>();
                verifyNanos = compileApplications(request, List.of(modules.get(API_MODULE)), contents, problems,
                        warnings, findings);
                findings.stream().sorted().map(Finding::format).forEach(problems::add);
            }
        } catch (IOException e) {
            problems.add("cannot read build input: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new ImageBuildException(problems);
        }
        PublicKey publicKey = null;
        if (request.signingKey() != null) {
            try {
                publicKey = SigningKeys.publicKeyOf(request.signingKey());
            } catch (IOException e) {
                throw new ImageBuildException(List.of("signing key: " + e.getMessage()));
            }
        }
        byte[] bytes = ImageWriter.write(version, request.config().name(), request.securityCounter(), contents,
                request.signingKey(), publicKey);
        ImageManifest manifest = ImageManifest.parse(java.util.Arrays.copyOfRange(bytes, ImageFormat.HEADER_BYTES,
                ImageFormat.HEADER_BYTES + java.nio.ByteBuffer.wrap(bytes).getInt(20)));
        return new BuildResult(bytes, manifest, classBytes, jarBytes, warnings, verifyNanos);
    }

    /**
     * Builds and writes atomically: the image goes to a temporary file beside {@code out} and is moved into
     * place only when complete, so a failed build never replaces a good image.
     */
    public static BuildResult buildTo(BuildRequest request, Path out) throws ImageBuildException, IOException {
        return buildTo(request, out, ImageBuilder.class.getClassLoader());
    }

    /** As {@link #buildTo(BuildRequest, Path)} with the OS modules found through {@code osModules}. */
    public static BuildResult buildTo(BuildRequest request, Path out, ClassLoader osModules)
            throws ImageBuildException, IOException {
        BuildResult result = build(request, osModules);
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + out.getFileName(), ".tmp");
        try {
            Files.write(tmp, result.bytes());
            try {
                Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return result;
    }

    /** @return the time spent verifying the applications' code */
    private static long compileApplications(BuildRequest request, List<Path> classpath, Map<String, byte[]> contents,
            List<String> problems, List<String> warnings, List<Finding> findings) throws IOException {
        long verifyNanos = 0;
        for (PartitionConfig p : request.config().partitions()) {
            String field = "partitions[" + p.name() + "]";
            if (p.sourcePath().isEmpty()) {
                warnings.add("partition " + p.name() + " has no application sources; it carries no application jar");
                continue;
            }
            Path src = request.sourceRoot().resolve(p.sourcePath()).normalize();
            String display = src.toString();
            if (p.entryClass().isEmpty()) {
                problems.add("configuration: " + field + ".entryClass: missing (application is " + display + ")");
                continue;
            }
            Map<String, byte[]> classes;
            CodeOrigin origin;
            if (Files.isRegularFile(src) && src.toString().endsWith(Image.JAR_SUFFIX)) {
                classes = KernelModules.read(src); // a prebuilt application jar, repackaged deterministically
                origin = CodeOrigin.jar(display);
            } else if (Files.isDirectory(src)) {
                SortedMap<String, String> generated = request.generatedSources().getOrDefault(p.name(),
                        new TreeMap<>());
                AppCompiler.Result r = AppCompiler.compile(src, display, generated, classpath);
                if (!r.ok()) {
                    problems.addAll(r.errors());
                    continue;
                }
                classes = new TreeMap<>(r.classes());
                origin = CodeOrigin.sources(src, display, generated.keySet());
                for (Map.Entry<String, byte[]> res : AppCompiler.resources(src).entrySet()) {
                    if (classes.putIfAbsent(res.getKey(), res.getValue()) != null) {
                        problems.add(display + "/" + res.getKey() + ": resource clashes with a compiled class");
                    }
                }
            } else {
                problems.add("configuration: " + field + ".sourcePath: " + display + (Files.exists(src)
                        ? " is neither a source directory nor a .jar" : " does not exist"));
                continue;
            }
            long start = System.nanoTime();
            findings.addAll(PartitionCodeVerifier.standard().verify(classes, origin));
            verifyNanos += System.nanoTime() - start;
            String entryFile = p.entryClass().replace('.', '/') + ".class";
            if (!classes.containsKey(entryFile)) {
                problems.add("configuration: " + field + ".entryClass: class " + p.entryClass() + " is not defined in "
                        + display);
                continue;
            }
            byte[] jar = DeterministicJar.write(Map.of("Orrery-Partition", p.name(), "Orrery-Entry-Class",
                    p.entryClass()), classes);
            contents.put(Image.APPS_PREFIX + p.name() + Image.JAR_SUFFIX, jar);
        }
        return verifyNanos;
    }
}
