// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.trace.ctf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.orrery.os.trace.TraceEventType;

/**
 * The TSDL (CTF 1.8 metadata) of an Orrery trace: written from {@link TraceEventType} so the event classes
 * have one source of truth, and parsed back by the reader, which trusts the declared event classes rather
 * than the enum of whatever version reads the trace.
 */
public record CtfMetadata(UUID uuid, long clockFrequency, SortedMap<String, String> env,
        List<CtfEventClass> eventClasses) {

    private static final Pattern ENV_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern TRACE_UUID = Pattern.compile("trace\\s*\\{[^}]*?uuid\\s*=\\s*\"([0-9a-fA-F-]{36})\"",
            Pattern.DOTALL);
    private static final Pattern BYTE_ORDER = Pattern.compile("byte_order\\s*=\\s*(\\w+)\\s*;");
    private static final Pattern CLOCK_FREQ = Pattern.compile("clock\\s*\\{[^}]*?freq\\s*=\\s*(\\d+)\\s*;",
            Pattern.DOTALL);
    private static final Pattern TRACER = Pattern.compile("tracer_name\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern ENV_BLOCK = Pattern.compile("env\\s*\\{([^}]*)\\}", Pattern.DOTALL);
    private static final Pattern ENV_ENTRY = Pattern.compile("(\\w+)\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*;");
    private static final Pattern EVENT_START = Pattern.compile("\\bevent\\s*\\{");
    private static final Pattern EVENT_HEAD = Pattern.compile(
            "\\s*name\\s*=\\s*\"([^\"]+)\"\\s*;\\s*id\\s*=\\s*(\\d+)\\s*;\\s*stream_id\\s*=\\s*(\\d+)\\s*;"
                    + "\\s*fields\\s*:=\\s*struct\\s*\\{");

    public CtfMetadata {
        env = new TreeMap<>(env);
        eventClasses = List.copyOf(eventClasses);
    }

    /** Metadata for a trace written by this version: every {@link TraceEventType} becomes an event class. */
    public static CtfMetadata forCurrentVersion(UUID uuid, Map<String, String> env) {
        return forCurrentVersion(uuid, env, CtfNames.NONE);
    }

    /** As {@link #forCurrentVersion(UUID, Map)}, declaring {@code names} as enumerations of the fields. */
    public static CtfMetadata forCurrentVersion(UUID uuid, Map<String, String> env, CtfNames names) {
        List<CtfEventClass> classes = new ArrayList<>();
        for (TraceEventType t : TraceEventType.values()) {
            List<CtfFieldLabels> labels = new ArrayList<>();
            for (String f : t.fieldNames()) {
                labels.add(names.labelsFor(t.fieldNames(), f));
            }
            classes.add(new CtfEventClass(t.id(), t.ctfName(), t.fieldNames(), labels));
        }
        for (String key : env.keySet()) {
            if (!ENV_KEY.matcher(key).matches() || key.equals("tracer_name") || key.equals("domain")) {
                throw new IllegalArgumentException("invalid or reserved trace env key: '" + key + "'");
            }
        }
        return new CtfMetadata(uuid, CtfLayout.CLOCK_FREQUENCY, new TreeMap<>(env), classes);
    }

    /** The event class with this id, or null. */
    public CtfEventClass eventClass(int id) {
        for (CtfEventClass c : eventClasses) {
            if (c.id() == id) {
                return c;
            }
        }
        return null;
    }

    /** The TSDL text. Deterministic: same metadata, same bytes. */
    public String toTsdl() {
        StringBuilder s = new StringBuilder(4096);
        s.append("/* CTF 1.8 */\n\n");
        s.append("typealias integer { size = 16; align = 8; signed = false; } := uint16_t;\n");
        s.append("typealias integer { size = 32; align = 8; signed = false; } := uint32_t;\n");
        s.append("typealias integer { size = 64; align = 8; signed = false; } := uint64_t;\n");
        s.append("typealias integer { size = 64; align = 8; signed = true; } := int64_t;\n");
        s.append("typealias integer { size = 8; align = 8; signed = false; encoding = none; base = 16; }"
                + " := uuid_byte_t;\n\n");
        s.append("trace {\n\tmajor = 1;\n\tminor = 8;\n\tuuid = \"").append(uuid).append("\";\n")
                .append("\tbyte_order = le;\n")
                .append("\tpacket.header := struct {\n\t\tuint32_t magic;\n\t\tuuid_byte_t uuid[16];\n")
                .append("\t\tuint32_t stream_id;\n\t};\n};\n\n");
        s.append("env {\n\tdomain = \"orrery\";\n\ttracer_name = \"").append(CtfLayout.TRACER_NAME).append("\";\n");
        env.forEach((k, v) -> s.append('\t').append(k).append(" = \"").append(escape(v)).append("\";\n"));
        s.append("};\n\n");
        s.append("clock {\n\tname = ").append(CtfLayout.CLOCK_NAME).append(";\n\tuuid = \"")
                .append(UUID.nameUUIDFromBytes((uuid + "/clock").getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .append("\";\n\tdescription = \"Orrery board clock (virtual time on the sim board)\";\n")
                .append("\tfreq = ").append(clockFrequency).append(";\n\tprecision = 0;\n")
                .append("\toffset_s = 0;\n\toffset = 0;\n\tabsolute = false;\n};\n\n");
        s.append("typealias integer { size = 64; align = 8; signed = false; map = clock.")
                .append(CtfLayout.CLOCK_NAME).append(".value; } := uint64_clock_t;\n\n");
        s.append("stream {\n\tid = ").append(CtfLayout.STREAM_CLASS_ID).append(";\n")
                .append("\tpacket.context := struct {\n")
                .append("\t\tuint64_clock_t timestamp_begin;\n\t\tuint64_clock_t timestamp_end;\n")
                .append("\t\tuint64_t content_size;\n\t\tuint64_t packet_size;\n")
                .append("\t\tuint64_t packet_seq_num;\n\t\tuint64_t events_discarded;\n")
                .append("\t\tuint32_t cpu_id;\n\t};\n")
                .append("\tevent.header := struct {\n\t\tuint16_t id;\n\t\tuint64_clock_t timestamp;\n\t};\n};\n");
        for (CtfEventClass c : eventClasses) {
            s.append("\nevent {\n\tname = \"").append(c.name()).append("\";\n\tid = ").append(c.id())
                    .append(";\n\tstream_id = ").append(CtfLayout.STREAM_CLASS_ID).append(";\n\tfields := struct {\n");
            for (int i = 0; i < c.fieldNames().size(); i++) {
                s.append(c.fieldLabels().get(i).declaration(c.fieldNames().get(i), "\t\t")).append('\n');
            }
            s.append("\t};\n};\n");
        }
        return s.toString();
    }

    /** Parses metadata written by {@link #toTsdl()}; anything else is refused with the reason. */
    public static CtfMetadata parse(String tsdl, String fileName) throws CtfFormatException {
        try {
            return parseText(tsdl, fileName);
        } catch (NumberFormatException e) {
            // digits the patterns accept but the field's type cannot hold (an id, frequency or enum value)
            throw new CtfFormatException(fileName + ": a number does not fit its field (" + e.getMessage() + ")");
        }
    }

    private static CtfMetadata parseText(String tsdl, String fileName) throws CtfFormatException {
        if (!tsdl.startsWith("/* CTF 1.8")) {
            throw new CtfFormatException(fileName + ": not CTF 1.8 text metadata (expected '/* CTF 1.8 */' at offset 0)");
        }
        Matcher tracer = TRACER.matcher(tsdl);
        if (!tracer.find() || !tracer.group(1).equals(CtfLayout.TRACER_NAME)) {
            throw new CtfFormatException(fileName + ": not an Orrery trace (env.tracer_name is not \"orrery\")");
        }
        Matcher order = BYTE_ORDER.matcher(tsdl);
        if (!order.find() || !order.group(1).equals("le")) {
            throw new CtfFormatException(fileName + ": unsupported byte order (Orrery traces are little-endian)");
        }
        String uuidText = require(TRACE_UUID, tsdl, fileName, "trace.uuid");
        UUID uuid;
        try {
            uuid = UUID.fromString(uuidText);
        } catch (IllegalArgumentException e) {
            throw new CtfFormatException(fileName + ": trace.uuid \"" + uuidText + "\" is not a UUID");
        }
        long freq = Long.parseLong(require(CLOCK_FREQ, tsdl, fileName, "clock.freq"));
        if (freq <= 0) {
            throw new CtfFormatException(fileName + ": clock.freq must be positive, was " + freq);
        }
        TreeMap<String, String> env = new TreeMap<>();
        Matcher envBlock = ENV_BLOCK.matcher(tsdl);
        if (envBlock.find()) {
            Matcher e = ENV_ENTRY.matcher(envBlock.group(1));
            while (e.find()) {
                if (!e.group(1).equals("tracer_name") && !e.group(1).equals("domain")) {
                    env.put(e.group(1), unescape(e.group(2)));
                }
            }
        }
        List<CtfEventClass> classes = new ArrayList<>();
        Matcher ev = EVENT_START.matcher(tsdl);
        while (ev.find()) {
            CtfEventClass c = eventClass(tsdl, ev.end() - 1, fileName);
            for (CtfEventClass other : classes) {
                if (other.id() == c.id()) {
                    throw new CtfFormatException(fileName + ": event id " + c.id() + " declared twice");
                }
            }
            classes.add(c);
            ev.region(TsdlFields.closing(tsdl, ev.end() - 1) + 1, tsdl.length());
        }
        if (classes.isEmpty()) {
            throw new CtfFormatException(fileName + ": declares no event classes");
        }
        return new CtfMetadata(uuid, freq, env, classes);
    }

    /** The event block whose '{' is at {@code open}: name, id, stream and fields, nothing else, in this order. */
    private static CtfEventClass eventClass(String tsdl, int open, String fileName) throws CtfFormatException {
        int close = TsdlFields.closing(tsdl, open);
        if (close < 0) {
            throw new CtfFormatException(fileName + ": event block at offset " + open + " is not closed");
        }
        String block = tsdl.substring(open + 1, close);
        Matcher head = EVENT_HEAD.matcher(block);
        int fieldsClose = head.lookingAt() ? TsdlFields.closing(block, head.end() - 1) : -1;
        if (fieldsClose < 0 || !block.substring(fieldsClose + 1).strip().equals(";")) {
            throw new CtfFormatException(fileName + ": event block at offset " + open
                    + " is not 'name; id; stream_id; fields := struct { ... };'");
        }
        String name = head.group(1);
        List<String> names = new ArrayList<>();
        List<CtfFieldLabels> labels = new ArrayList<>();
        for (TsdlFields.Field f : TsdlFields.parse(block.substring(head.end(), fieldsClose), fileName + ": event "
                + name)) {
            names.add(f.name());
            labels.add(f.labels());
        }
        return new CtfEventClass(Integer.parseInt(head.group(2)), name, names, labels);
    }

    private static String require(Pattern p, String tsdl, String fileName, String what) throws CtfFormatException {
        Matcher m = p.matcher(tsdl);
        if (!m.find()) {
            throw new CtfFormatException(fileName + ": missing " + what);
        }
        return m.group(1);
    }

    static String escape(String v) {
        StringBuilder b = new StringBuilder(v.length());
        for (char c : v.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(' ');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    static String unescape(String v) {
        return v.replaceAll("\\\\(.)", "$1");
    }
}
