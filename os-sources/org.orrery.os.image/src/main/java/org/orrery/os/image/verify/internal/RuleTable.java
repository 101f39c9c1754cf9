// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.image.verify.internal;

import java.util.List;
import java.util.Optional;

import org.orrery.os.image.verify.Rule;

/**
 * Names the reason for a refusal. The allow-list alone decides what is allowed; this table only turns a
 * refused class or member into a rule and advice the user can act on. Anything it does not name is
 * {@code unknown-api}.
 */
public final class RuleTable {

    /** A rule and, where the rule's own advice would not fit, advice for this one API. */
    public record Match(Rule rule, String advice) {
    }

    /**
     * @param owner  a class name, a package prefix ending in {@code /} (subpackages too) or a name prefix
     *               ending in {@code *}
     * @param member {@code null} for the class itself; a member entry also matches through subclasses
     */
    private record Row(String owner, String member, Rule rule, String advice) {

        boolean ownerMatches(String name) {
            if (owner.endsWith("/")) {
                return name.startsWith(owner);
            }
            if (owner.endsWith("*")) {
                return name.startsWith(owner.substring(0, owner.length() - 1));
            }
            return name.equals(owner);
        }

        boolean memberMatches(String name, String descriptor) {
            return member.equals(name) || member.equals(name + descriptor);
        }
    }

    private static final String CONSOLE = "is the host's console, shared by every partition; use Partition.log";
    private static final String PROPERTY = "reads or changes host-wide settings every partition shares; use the "
            + "generated configuration constants";
    private static final String UNSEEDED = "is seeded from the host, so the simulated board would not be "
            + "deterministic; use new java.util.Random(seed) (a seeded Random repeats exactly)";
    private static final String RUNTIME = "controls the whole JVM that runs the board; use "
            + "Partition.setMode(PartitionMode.IDLE) or Partition.raiseError and let the health monitor act";

    /** The print-stream constructors that open a host file by name (those taking a File are refused anyway). */
    private static final String[] OPEN_BY_NAME = {"<init>(Ljava/lang/String;)V",
            "<init>(Ljava/lang/String;Ljava/lang/String;)V", "<init>(Ljava/lang/String;Ljava/nio/charset/Charset;)V"};

    private static final List<Row> MEMBERS = flatten(
            members("java/lang/System", Rule.PROCESS_EXIT, null, "exit"),
            members("java/lang/Runtime", Rule.PROCESS_EXIT, null, "exit", "halt", "addShutdownHook",
                    "removeShutdownHook"),
            members("java/lang/Runtime", Rule.PROCESS_SPAWN, null, "exec"),
            members("java/lang/System", Rule.NATIVE, null, "load", "loadLibrary", "mapLibraryName"),
            members("java/lang/Runtime", Rule.NATIVE, null, "load", "loadLibrary"),
            members("java/nio/ByteBuffer", Rule.NATIVE, "allocates memory outside the partition's budget; use "
                    + "ByteBuffer.allocate", "allocateDirect"),
            members("java/lang/System", Rule.HOST_CLOCK, null, "currentTimeMillis", "nanoTime"),
            members("java/time/", Rule.HOST_CLOCK, null, "now"),
            members("java/util/Date", Rule.HOST_CLOCK, null, "<init>()V"),
            members("java/util/Random", Rule.HOST_CLOCK, UNSEEDED, "<init>()V"),
            members("java/util/SplittableRandom", Rule.HOST_CLOCK, UNSEEDED, "<init>()V"),
            members("java/lang/Math", Rule.HOST_CLOCK, UNSEEDED, "random"),
            members("java/lang/StrictMath", Rule.HOST_CLOCK, UNSEEDED, "random"),
            members("java/util/UUID", Rule.HOST_CLOCK, UNSEEDED, "randomUUID"),
            members("java/lang/System", Rule.SYSTEM_STATE, CONSOLE, "out", "err", "in", "setOut", "setErr", "setIn",
                    "console"),
            members("java/lang/System", Rule.SYSTEM_STATE, PROPERTY, "getProperty", "setProperty", "clearProperty",
                    "getProperties", "setProperties", "getenv", "getSecurityManager", "setSecurityManager",
                    "getLogger", "identityHashCode", "inheritedChannel"),
            members("java/lang/System", Rule.SYSTEM_STATE, "depends on the host; write \"\\n\"", "lineSeparator"),
            members("java/lang/Integer", Rule.SYSTEM_STATE, PROPERTY, "getInteger"),
            members("java/lang/Long", Rule.SYSTEM_STATE, PROPERTY, "getLong"),
            members("java/lang/Boolean", Rule.SYSTEM_STATE, PROPERTY, "getBoolean"),
            members("java/util/Locale", Rule.SYSTEM_STATE, "is host-wide state every partition shares; name the "
                    + "locale you mean (Locale.ROOT)", "getDefault", "setDefault"),
            members("java/util/TimeZone", Rule.SYSTEM_STATE, PROPERTY, "getDefault", "setDefault"),
            members("java/nio/charset/Charset", Rule.SYSTEM_STATE, "depends on the host; use StandardCharsets.UTF_8",
                    "defaultCharset"),
            members("java/lang/Throwable", Rule.SYSTEM_STATE, "writes to the host's System.err; use "
                    + "Partition.log(e.toString())", "printStackTrace"),
            members("java/lang/Object", Rule.THREAD, null, "wait", "notify", "notifyAll"),
            members("java/util/Collection", Rule.THREAD, null, "parallelStream"),
            members("java/util/stream/BaseStream", Rule.THREAD, null, "parallel"),
            members("java/util/Arrays", Rule.THREAD, null, "parallelSort", "parallelPrefix", "parallelSetAll"),
            members("java/math/BigInteger", Rule.THREAD, null, "parallelMultiply"),
            members("java/util/concurrent/TimeUnit", Rule.THREAD, null, "sleep", "timedJoin", "timedWait"),
            members("java/io/PrintStream", Rule.FILE_SYSTEM, null, OPEN_BY_NAME),
            members("java/io/PrintWriter", Rule.FILE_SYSTEM, null, OPEN_BY_NAME),
            members("java/lang/Class", Rule.FILE_SYSTEM, "returns a host URL; use getResourceAsStream",
                    "getResource"));

    private static final List<Row> CLASSES = List.of(
            type("java/lang/Class", Rule.REFLECTION),
            type("java/lang/Runtime", Rule.PROCESS_EXIT, RUNTIME),
            type("java/lang/ProcessBuilder*", Rule.PROCESS_SPAWN),
            type("java/lang/Process", Rule.PROCESS_SPAWN),
            type("java/lang/ProcessHandle*", Rule.PROCESS_SPAWN),
            type("java/util/concurrent/ThreadLocalRandom", Rule.HOST_CLOCK, UNSEEDED),
            type("java/security/SecureRandom", Rule.HOST_CLOCK, UNSEEDED),
            type("java/time/Clock*", Rule.HOST_CLOCK),
            type("java/time/InstantSource", Rule.HOST_CLOCK),
            type("java/lang/Thread*", Rule.THREAD),
            type("java/lang/InheritableThreadLocal", Rule.THREAD),
            type("java/lang/ScopedValue*", Rule.THREAD),
            type("java/lang/ref/Cleaner*", Rule.THREAD),
            type("java/util/Timer*", Rule.THREAD),
            type("java/util/concurrent/", Rule.THREAD),
            type("java/lang/reflect/", Rule.REFLECTION),
            type("java/lang/invoke/", Rule.REFLECTION),
            type("java/lang/runtime/", Rule.REFLECTION),
            type("java/lang/instrument/", Rule.REFLECTION),
            type("java/lang/ClassLoader", Rule.REFLECTION),
            type("java/lang/Module", Rule.REFLECTION),
            type("java/lang/ModuleLayer*", Rule.REFLECTION),
            type("java/lang/StackWalker*", Rule.REFLECTION),
            type("java/util/ServiceLoader*", Rule.REFLECTION),
            type("java/lang/foreign/", Rule.NATIVE),
            type("sun/", Rule.NATIVE),
            type("com/sun/", Rule.NATIVE),
            type("jdk/internal/", Rule.NATIVE),
            type("java/io/File*", Rule.FILE_SYSTEM),
            type("java/io/RandomAccessFile", Rule.FILE_SYSTEM),
            type("java/nio/file/", Rule.FILE_SYSTEM),
            type("java/nio/channels/", Rule.FILE_SYSTEM),
            type("java/nio/MappedByteBuffer", Rule.FILE_SYSTEM),
            type("java/util/prefs/", Rule.FILE_SYSTEM),
            type("java/net/", Rule.NETWORK),
            type("javax/net/", Rule.NETWORK),
            type("jdk/net/", Rule.NETWORK),
            type("java/rmi/", Rule.NETWORK),
            type("org/orrery/", Rule.KERNEL_ACCESS));

    private RuleTable() {
    }

    private static Row type(String owner, Rule rule) {
        return new Row(owner, null, rule, null);
    }

    private static Row type(String owner, Rule rule, String advice) {
        return new Row(owner, null, rule, advice);
    }

    /** One row per member name, so a lookup is a plain scan. */
    private static List<Row> members(String owner, Rule rule, String advice, String... names) {
        List<Row> rows = new java.util.ArrayList<>();
        for (String n : names) {
            rows.add(new Row(owner, n, rule, advice));
        }
        return rows;
    }

    @SafeVarargs
    private static List<Row> flatten(List<Row>... groups) {
        List<Row> rows = new java.util.ArrayList<>();
        for (List<Row> g : groups) {
            rows.addAll(g);
        }
        return List.copyOf(rows);
    }

    /**
     * The rule for a refused use of {@code owner} (a class) or of one of its members; empty when no rule
     * names it. Member rows also match through the owner's JDK supertypes.
     */
    public static Optional<Match> classify(String owner, String member, String descriptor) {
        if (member != null) {
            Iterable<String> types = member.startsWith("<") ? List.of(owner) : JdkTypes.selfAndSupertypes(owner);
            for (String type : types) {
                for (Row r : MEMBERS) {
                    if (r.ownerMatches(type) && r.memberMatches(member, descriptor)) {
                        return Optional.of(new Match(r.rule(), r.advice()));
                    }
                }
            }
        }
        for (Row r : CLASSES) {
            if (r.ownerMatches(owner)) {
                return Optional.of(new Match(r.rule(), r.advice()));
            }
        }
        return Optional.empty();
    }
}
