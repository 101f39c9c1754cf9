// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim.process;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;


/**
 * The jars a partition JVM runs (the partition runtime's, or the OS modules of a partition with a kernel of its own on
 * the hosted board) in a folder of their own per content and JDK, owned by this user and closed to others, beside an ahead-of-time cache of a partition JVM's start (JDK 25's AOT cache: the classes a partition JVM
 * loads up to its hello, loaded and linked once and mapped by every later partition JVM). The partition JVMs of a
 * board start side by side before its first window; with the cache each reaches the kernel in roughly half the time
 * (one JVM 150 vs 300 ms, three at once on two processors 330 vs 600 ms, measured on this machine kind). The cache is
 * made once, by a training JVM that starts exactly as a partition does ({@link AotTraining}).
 * <p>
 * The folder is only used when it is this user's and nobody else may write it; jars found there are compared with
 * the image's bytes before every use and written again when they differ (the cache then goes with them: the JVM
 * checks the jars' times and sizes). Without a usable folder the board copies the jars into its own, as before, and
 * says why in {@link #note()}.
 * <p>
 * A board whose partitions run as users of their own ({@link #openReadable}) keeps the cache where those users can
 * read it ({@code /var/cache/orrery/partition-runtime} unless the property names a folder), its folders and files
 * readable by all and still written by this user alone.
 */
public final class RuntimeCache {
    /** System property: the folder of the caches (default {@code ~/.cache/orrery/partition-runtime}). */
    static final String FOLDER_PROPERTY = "orrery.partition.cache";
    /** Folders not used for this long are removed when another is made. */
    private static final Duration UNUSED = Duration.ofDays(7);
    private static final String AOT = "runtime.aot";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> READABLE_FOLDER = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> READABLE_FILE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Path SYSTEM_BASE = Path.of("/var/cache/orrery/partition-runtime");

    private static final Object TRAINING = new Object();

    private final Path dir;
    private final Map<String, byte[]> modules;
    private final List<String> order;
    /** Whether other users (a board's partitions) read the folder: its folders and files are then readable by all. */
    private final boolean readable;

    private RuntimeCache(Path dir, Map<String, byte[]> modules, List<String> order, boolean readable) {
        this.dir = dir;
        this.readable = readable;
        this.modules = modules;
        this.order = order;
    }

    /**
     * The runtime's jars in the cache folder (verified against {@code modules}, in {@code order}), or null when the
     * folder cannot be used: the caller copies them into its own folder. {@code why} receives the reason then.
     */
    public static RuntimeCache open(Map<String, byte[]> modules, List<String> order, StringBuilder why) {
        return open(modules, order, why, false);
    }

    /** As {@link #open}, for partition JVMs that run as other users than this one: they may read it, not write it. */
    public static RuntimeCache openReadable(Map<String, byte[]> modules, List<String> order, StringBuilder why) {
        return open(modules, order, why, true);
    }

    private static RuntimeCache open(Map<String, byte[]> modules, List<String> order, StringBuilder why,
            boolean readable) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            why.append("no partition runtime cache: this file system has no owner-only permissions");
            return null;
        }
        Path base = base(readable);
        try {
            Path dir = folder(base, readable).resolve(key(modules, order));
            if (Files.notExists(dir)) {
                prune(base);
            }
            RuntimeCache cache = new RuntimeCache(dir, Map.copyOf(modules), List.copyOf(order), readable);
            cache.refresh();
            return cache;
        } catch (IOException | RuntimeException e) {
            why.append("no partition runtime cache: ").append(e.getMessage());
            return null;
        }
    }

    /**
     * Before each partition JVM starts (a cold start may come weeks into a run): the folder is still this user's
     * alone and holds exactly the image's jars, written again where they are missing or differ, and it counts as
     * used now (folders unused for a week are removed by other boards).
     */
    public void refresh() throws IOException {
        folder(dir, readable);
        boolean rewritten = false;
        for (String m : order) {
            rewritten |= place(dir.resolve(m + ".jar"), modules.get(m));
            if (readable) {
                Files.setPosixFilePermissions(dir.resolve(m + ".jar"), READABLE_FILE);
            }
        }
        if (rewritten) {
            // the JVM would refuse the cache for jars of another time or size anyway; gone before it is asked
            Files.deleteIfExists(dir.resolve(AOT));
        } else if (readable && Files.isRegularFile(dir.resolve(AOT), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            // made for a board of this user's partitions in a folder the property names for both kinds
            Files.setPosixFilePermissions(dir.resolve(AOT), READABLE_FILE);
        }
        Files.setLastModifiedTime(dir, FileTime.from(Instant.now()));
    }

    /** The class path of a partition JVM: the runtime's jars in the cache folder. */
    public String classPath() {
        return String.join(":", order.stream().map(m -> dir.resolve(m + ".jar").toString()).toList());
    }

    /** The AOT cache of this runtime and JDK, when it has been made; null otherwise (or on a JDK before 25). */
    public Path aotCache() {
        Path aot = dir.resolve(AOT);
        return supported() && Files.isRegularFile(aot) ? aot : null;
    }

    /** How this board's partition JVMs start, for the board's report. */
    public String note() {
        Path aot = aotCache();
        return aot != null ? "partition JVMs start from the AOT cache " + aot
                : "partition JVMs start without an AOT cache (" + (supported() ? "not made" : "JDK before 25") + ")";
    }

    /**
     * Makes the AOT cache when this JDK can and it is missing: one training JVM started by {@code command} (a
     * partition JVM's command for the given class path, socket and application jar, its JVM options given) says hello
     * to a socket of ours and ends, and the JVM writes the cache as it exits. Returns the cache, or null when it
     * could not be made (the reason goes to {@code why}; the board starts its partitions without it).
     */
    Path train(AotTraining.Command command, StringBuilder why) {
        return train(command, AotTraining.Hello.WIRE, why);
    }

    /** As {@link #train(AotTraining.Command, StringBuilder)} for a JVM that says hello as {@code greeting} reads. */
    public Path train(AotTraining.Command command, AotTraining.Hello greeting, StringBuilder why) {
        synchronized (TRAINING) { // two boards of one JVM: the second finds the first's cache
            if (!supported() || aotCache() != null) {
                return aotCache();
            }
            try {
                Path made = AotTraining.run(command, greeting, dir, classPath());
                try {
                    if (readable) {
                        Files.setPosixFilePermissions(made, READABLE_FILE);
                    }
                    move(made, dir.resolve(AOT));
                } finally {
                    deleteQuietly(made); // left only when the move failed
                }
                return aotCache();
            } catch (IOException e) {
                why.append("no AOT cache for partition JVMs: ").append(e.getMessage());
                return null;
            }
        }
    }

    /** JDK 25 is the first with one-step AOT cache creation ({@code -XX:AOTCacheOutput}). */
    public static boolean supported() {
        return Runtime.version().feature() >= 25;
    }

    private static Path base(boolean readable) {
        String configured = System.getProperty(FOLDER_PROPERTY);
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : readable ? SYSTEM_BASE
                : Path.of(System.getProperty("user.home"), ".cache", "orrery", "partition-runtime");
    }

    /**
     * Makes {@code dir} owner-only when it is new (readable by all with {@code readable}, as are the folders made above
     * it then); refuses one of another user or that others may write.
     */
    private static Path folder(Path dir, boolean readable) throws IOException {
        if (Files.notExists(dir)) {
            if (readable) {
                made(dir.getParent());
            } else {
                Files.createDirectories(dir.getParent());
            }
            try {
                Files.createDirectory(dir,
                        PosixFilePermissions.asFileAttribute(readable ? READABLE_FOLDER : OWNER_ONLY));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // made by another board meanwhile: checked below like any existing folder
            }
        }
        UserPrincipal me = dir.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
        if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS) || !Files.getOwner(dir).equals(me)) {
            throw new IOException(dir + " is not a folder of " + me.getName());
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir);
        if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IOException(dir + " may be written by other users");
        }
        if (readable && !perms.equals(READABLE_FOLDER)) {
            Files.setPosixFilePermissions(dir, READABLE_FOLDER); // whatever the umask made of it
        }
        return dir;
    }

    /** Makes the folders of {@code dir} that are missing, each readable and searchable by all whatever the umask. */
    private static void made(Path dir) throws IOException {
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        made(dir.getParent());
        try {
            Files.createDirectory(dir);
            Files.setPosixFilePermissions(dir, READABLE_FOLDER);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // made by another board meanwhile
        }
    }

    /** Writes {@code jar} unless it holds exactly {@code bytes}; returns whether it was written. */
    private static boolean place(Path jar, byte[] bytes) throws IOException {
        if (Files.isRegularFile(jar, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                && Arrays.equals(Files.readAllBytes(jar), bytes)) {
            return false;
        }
        Path tmp = Files.createTempFile(jar.getParent(), "jar-", ".tmp");
        try {
            Files.write(tmp, bytes);
            move(tmp, jar);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return true;
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** SHA-256 over the modules' names and bytes and the JDK (a cache belongs to one JVM build). */
    private static String key(Map<String, byte[]> modules, List<String> order) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update((System.getProperty("java.home") + "\n" + System.getProperty("java.vm.version") + "\n").getBytes());
            for (String m : order) {
                d.update((m + "\n").getBytes());
                d.update(modules.get(m));
            }
            return HexFormat.of().formatHex(d.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    /** Folders of other runtimes not used for {@link #UNUSED}: each build of the runtime makes its own. */
    private static void prune(Path base) {
        Instant before = Instant.now().minus(UNUSED);
        try (Stream<Path> dirs = Files.list(base)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                if (Files.getLastModifiedTime(d).toInstant().isBefore(before)) {
                    try (Stream<Path> files = Files.walk(d)) {
                        files.sorted(Comparator.reverseOrder()).forEach(RuntimeCache::deleteQuietly);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // another board prunes too, or the folder is new: nothing lost
        }
    }

    static void deleteQuietly(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            // in use or gone: left for the next prune
        }
    }
}
