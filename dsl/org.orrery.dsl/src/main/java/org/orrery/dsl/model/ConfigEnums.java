// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.model;

import org.orrery.dsl.orrery.Access;
import org.orrery.dsl.orrery.HmError;
import org.orrery.dsl.orrery.HmSystemState;
import org.orrery.dsl.orrery.Overflow;
import org.orrery.dsl.orrery.VmKind;
import org.orrery.os.api.ErrorCode;
import org.orrery.os.config.Criticality;
import org.orrery.os.config.HmAction;
import org.orrery.os.config.HmLevel;
import org.orrery.os.config.MemoryAccess;
import org.orrery.os.config.OverflowPolicy;
import org.orrery.os.config.PortDirection;
import org.orrery.os.config.PortKind;
import org.orrery.os.config.ProcessKind;
import org.orrery.os.config.SchedulingPolicy;
import org.orrery.os.config.ServiceKind;
import org.orrery.os.config.SystemState;

/**
 * Maps the grammar's enumerations onto the shared ones of {@code org.orrery.os.config} and
 * {@code org.orrery.os.api}. Where the grammar literal carries the same name the mapping is by name, so a
 * constant added on one side only fails loudly (and the enum-coverage test catches it first).
 */
public final class ConfigEnums {

    private ConfigEnums() {
    }

    public static ErrorCode error(HmError e) {
        return ErrorCode.valueOf(e.getName());
    }

    public static HmAction action(org.orrery.dsl.orrery.HmAction a) {
        return HmAction.valueOf(a.getName());
    }

    public static HmLevel level(org.orrery.dsl.orrery.HmLevel l) {
        return HmLevel.valueOf(l.getName());
    }

    public static SystemState state(HmSystemState s) {
        return SystemState.valueOf(s.getName());
    }

    public static Criticality criticality(org.orrery.dsl.orrery.Criticality c) {
        return Criticality.valueOf(c.getName());
    }

    public static SchedulingPolicy policy(org.orrery.dsl.orrery.Policy p) {
        return SchedulingPolicy.valueOf(p.getName());
    }

    public static ProcessKind processKind(org.orrery.dsl.orrery.ProcessKind k) {
        return ProcessKind.valueOf(k.getName());
    }

    public static PortKind portKind(org.orrery.dsl.orrery.PortKind k) {
        return PortKind.valueOf(k.getName());
    }

    public static PortDirection direction(org.orrery.dsl.orrery.PortDirection d) {
        return PortDirection.valueOf(d.getName());
    }

    public static OverflowPolicy overflow(Overflow o) {
        return OverflowPolicy.valueOf(o.getName());
    }

    public static MemoryAccess access(Access a) {
        return MemoryAccess.valueOf(a.getName());
    }

    /** The language names the paravirtual guest after the OS it runs ({@code orrery}). */
    public static org.orrery.os.config.VmKind vmKind(VmKind k) {
        return switch (k) {
            case QEMU -> org.orrery.os.config.VmKind.QEMU;
            case ORRERY -> org.orrery.os.config.VmKind.PARAVIRT;
        };
    }

    /** Client and server roles of DNS and DHCP share one kernel service kind; the role goes in an option. */
    public static ServiceKind serviceKind(org.orrery.dsl.orrery.ServiceKind k) {
        return switch (k) {
            case HTTP -> ServiceKind.HTTP;
            case DNS_SERVER, DNS_CLIENT -> ServiceKind.DNS;
            case DHCP_SERVER, DHCP_CLIENT -> ServiceKind.DHCP;
            case TELNET -> ServiceKind.TELNET;
            case SSH -> ServiceKind.SSH;
        };
    }

    /** "server", "client" or "" for kinds without roles. */
    public static String serviceRole(org.orrery.dsl.orrery.ServiceKind k) {
        return switch (k) {
            case DNS_SERVER, DHCP_SERVER -> "server";
            case DNS_CLIENT, DHCP_CLIENT -> "client";
            default -> "";
        };
    }

    /** Well-known port of a service kind, 0 for clients (they listen on nothing). */
    public static int defaultPort(org.orrery.dsl.orrery.ServiceKind k) {
        return switch (k) {
            case HTTP -> 80;
            case DNS_SERVER -> 53;
            case DHCP_SERVER -> 67;
            case TELNET -> 23;
            case SSH -> 22;
            case DNS_CLIENT, DHCP_CLIENT -> 0;
        };
    }
}
