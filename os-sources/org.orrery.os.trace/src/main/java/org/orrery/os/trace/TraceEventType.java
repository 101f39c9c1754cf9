// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.trace;

import java.util.List;

/**
 * Every trace point the OS emits. The numeric id is what buffers, CTF streams and the IDE store, so it is
 * stable: new types get new ids, existing ids never change meaning. Each type carries at most three named
 * {@code long} payload fields; unused trailing fields are passed as 0 and not written to CTF.
 *
 * <p>Field conventions: {@code partition} and {@code process} are indexes into the configuration's tables
 * ({@code -1} means module level); modes, states, error codes and actions are the ordinals of the shared
 * enums in {@code org.orrery.os.api} / {@code org.orrery.os.config}.
 */
public enum TraceEventType {
    WINDOW_START(0, "partition", "window", "plan"),
    WINDOW_END(1, "partition", "window", "overrun"),
    PARTITION_MODE(2, "partition", "from_mode", "to_mode"),
    PROCESS_STATE(3, "partition", "process", "state"),
    PORT_SEND(4, "partition", "port", "bytes"),
    PORT_RECEIVE(5, "partition", "port", "bytes"),
    PORT_OVERFLOW(6, "partition", "port", "dropped"),
    HM_EVENT(7, "partition", "error_code", "action"),
    WATCHDOG_KICK(8, "partition", "watchdog"),
    WATCHDOG_EXPIRED(9, "partition", "watchdog"),
    PLAN_SWITCH(10, "from_plan", "to_plan"),
    USER_EVENT(11, "partition", "event_id", "value");

    /** Payload fields per event, for every type. */
    public static final int MAX_FIELDS = 3;

    private static final TraceEventType[] BY_ID = indexById();

    private final int id;
    private final List<String> fieldNames;
    private final String ctfName;

    TraceEventType(int id, String... fieldNames) {
        this.id = id;
        this.fieldNames = List.of(fieldNames);
        this.ctfName = name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Stable numeric id (also the CTF event id). */
    public int id() {
        return id;
    }

    /** Names of the payload fields in order f0, f1, f2; at most {@link #MAX_FIELDS}. */
    public List<String> fieldNames() {
        return fieldNames;
    }

    /** Number of meaningful payload fields. */
    public int fieldCount() {
        return fieldNames.size();
    }

    /** Lower-case name used for CTF event classes and text dumps, e.g. {@code window_start}. */
    public String ctfName() {
        return ctfName;
    }

    /** The type with this id, or {@code null} if there is none (no exception: readers report it). */
    public static TraceEventType fromId(int id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }

    private static TraceEventType[] indexById() {
        int max = 0;
        for (TraceEventType t : values()) {
            max = Math.max(max, t.id);
        }
        TraceEventType[] byId = new TraceEventType[max + 1];
        for (TraceEventType t : values()) {
            if (byId[t.id] != null || t.fieldNames.size() > MAX_FIELDS) {
                throw new ExceptionInInitializerError("duplicate id or too many fields: " + t);
            }
            byId[t.id] = t;
        }
        return byId;
    }
}
