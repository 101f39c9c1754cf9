// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.arinc;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.orrery.os.config.ChannelConfig;
import org.orrery.os.config.CoreFrame;
import org.orrery.os.config.HmLevel;
import org.orrery.os.config.HmRule;
import org.orrery.os.config.HmTable;
import org.orrery.os.config.PartitionConfig;
import org.orrery.os.config.PlanConfig;
import org.orrery.os.config.PlanSwitchRule;
import org.orrery.os.config.PortConfig;
import org.orrery.os.config.PortEndpoint;
import org.orrery.os.config.PortKind;
import org.orrery.os.config.SystemConfig;
import org.orrery.os.config.WindowConfig;

/**
 * Writes a system as an ARINC 653 module configuration ({@code ARINC_653_Module}). Identifiers are
 * canonical indices plus one (ARINC numbers from 1); times are seconds. Orrery additions the standard has
 * no place for (several cores, several plans) appear as a {@code Core} attribute on windows and one
 * {@code Module_Schedule} per plan. VMs are not part of ARINC 653 and are left out. The layout is
 * described by {@link #SCHEMA}.
 */
public final class ArincExporter {

    /** Classpath location of the XML schema of the exported layout. */
    public static final String SCHEMA = "/org/orrery/dsl/arinc/arinc653-module.xsd";

    private ArincExporter() {
    }

    public static String export(SystemConfig c) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            Indent w = new Indent(x);
            x.writeStartDocument("UTF-8", "1.0");
            w.start("ARINC_653_Module", 0);
            x.writeAttribute("ModuleName", c.name());
            x.writeAttribute("ModuleVersion", "1");
            systemHm(w, c);
            moduleHm(w, c);
            for (PartitionConfig p : c.partitions()) {
                partition(w, c, p);
            }
            for (PartitionConfig p : c.partitions()) {
                w.start("Partition_Memory", 1);
                ids(x, p);
                w.empty("Memory_Requirements", 2);
                x.writeAttribute("Type", "DATA");
                x.writeAttribute("SizeBytes", Long.toString(p.memoryBudget()));
                x.writeAttribute("Access", "READ_WRITE");
                w.end(1);
            }
            for (int i = 0; i < c.plans().size(); i++) {
                schedule(w, c, c.plans().get(i), i);
            }
            for (PartitionConfig p : c.partitions()) {
                partitionHm(w, c, p);
            }
            connections(w, c);
            w.end(0);
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            // Writing to a StringWriter cannot fail for I/O reasons; anything else is a bug here.
            throw new IllegalStateException("ARINC export failed: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void systemHm(Indent w, SystemConfig c) throws XMLStreamException {
        w.start("System_HM_Table", 1);
        for (HmTable t : moduleTables(c)) {
            w.start("System_State_Entry", 2);
            w.x.writeAttribute("SystemState", Integer.toString(t.state().ordinal() + 1));
            w.x.writeAttribute("Description", t.state().name());
            for (HmRule r : t.rules()) {
                w.empty("Error_ID_Level", 3);
                w.x.writeAttribute("ErrorIdentifier", Integer.toString(r.error().ordinal() + 1));
                w.x.writeAttribute("Description", r.error().name());
                w.x.writeAttribute("ErrorLevel", r.level().name());
                w.x.writeAttribute("ErrorCode", r.error().name());
            }
            w.end(2);
        }
        w.end(1);
    }

    private static void moduleHm(Indent w, SystemConfig c) throws XMLStreamException {
        w.start("Module_HM_Table", 1);
        for (HmTable t : moduleTables(c)) {
            w.start("System_State_Entry", 2);
            w.x.writeAttribute("SystemState", Integer.toString(t.state().ordinal() + 1));
            w.x.writeAttribute("Description", t.state().name());
            for (HmRule r : t.rules()) {
                if (r.level() == HmLevel.MODULE) {
                    action(w, r, 3);
                }
            }
            w.end(2);
        }
        w.end(1);
    }

    private static void action(Indent w, HmRule r, int depth) throws XMLStreamException {
        w.empty("Error_ID_Action", depth);
        w.x.writeAttribute("ErrorIdentifier", Integer.toString(r.error().ordinal() + 1));
        w.x.writeAttribute("Description", r.error().name());
        w.x.writeAttribute("Action", r.action().name());
        if (!r.planTarget().isEmpty()) {
            w.x.writeAttribute("ScheduleName", r.planTarget());
        }
    }

    private static List<HmTable> moduleTables(SystemConfig c) {
        return c.hmTables().stream().filter(t -> t.partition().isEmpty()).toList();
    }

    private static void partition(Indent w, SystemConfig c, PartitionConfig p) throws XMLStreamException {
        w.start("Partition", 1);
        ids(w.x, p);
        w.x.writeAttribute("Criticality", "LEVEL_" + p.criticality().name());
        boolean system = c.planSwitchRules().stream().map(PlanSwitchRule::partition).anyMatch(p.name()::equals);
        w.x.writeAttribute("SystemPartition", Boolean.toString(system));
        w.x.writeAttribute("EntryPoint", p.entryClass());
        for (PortConfig port : p.ports()) {
            boolean sampling = port.kind() == PortKind.SAMPLING;
            w.empty(sampling ? "Sampling_Port" : "Queuing_Port", 2);
            w.x.writeAttribute("Name", port.name());
            w.x.writeAttribute("MaxMessageSize", Long.toString(port.maxMessageSize()));
            w.x.writeAttribute("Direction", port.direction().name());
            if (sampling) {
                w.x.writeAttribute("RefreshRateSeconds", seconds(port.refreshPeriodNs()));
            } else {
                w.x.writeAttribute("MaxNbMessages", Integer.toString(port.queueDepth()));
            }
        }
        w.end(1);
    }

    private static void schedule(Indent w, SystemConfig c, PlanConfig plan, int index) throws XMLStreamException {
        w.start("Module_Schedule", 1);
        w.x.writeAttribute("ScheduleIdentifier", Integer.toString(index + 1));
        w.x.writeAttribute("ScheduleName", plan.name());
        w.x.writeAttribute("InitialModuleSchedule", Boolean.toString(plan.name().equals(c.initialPlan())));
        long major = plan.frames().stream().mapToLong(CoreFrame::majorFrameNs).max().orElse(0);
        w.x.writeAttribute("MajorFrameSeconds", seconds(major));
        int windowId = 1;
        for (PartitionConfig p : c.partitions()) {
            List<WindowConfig> mine = new ArrayList<>();
            for (WindowConfig win : plan.windows()) {
                if (win.partition().equals(p.name())) {
                    mine.add(win);
                }
            }
            if (mine.isEmpty()) {
                continue;
            }
            long period = plan.frames().stream().filter(f -> f.core() == mine.get(0).core())
                    .mapToLong(CoreFrame::majorFrameNs).findFirst().orElse(major);
            long duration = mine.stream().mapToLong(WindowConfig::durationNs).sum();
            w.start("Partition_Schedule", 2);
            ids(w.x, p);
            w.x.writeAttribute("PeriodSeconds", seconds(period));
            w.x.writeAttribute("PeriodDurationSeconds", seconds(duration));
            boolean first = true;
            for (WindowConfig win : mine) {
                w.empty("Window_Schedule", 3);
                w.x.writeAttribute("WindowIdentifier", Integer.toString(windowId++));
                w.x.writeAttribute("WindowStartSeconds", seconds(win.startNs()));
                w.x.writeAttribute("WindowDurationSeconds", seconds(win.durationNs()));
                w.x.writeAttribute("PartitionPeriodStart", Boolean.toString(first));
                w.x.writeAttribute("Core", Integer.toString(win.core()));
                first = false;
            }
            w.end(2);
        }
        w.end(1);
    }

    private static void partitionHm(Indent w, SystemConfig c, PartitionConfig p) throws XMLStreamException {
        List<HmTable> tables = c.hmTables().stream().filter(t -> t.partition().equals(p.name())).toList();
        if (tables.isEmpty()) {
            return;
        }
        w.start("Partition_HM_Table", 1);
        ids(w.x, p);
        w.x.writeAttribute("PartitionCallback", "");
        for (HmTable t : tables) {
            w.start("System_State_Entry", 2);
            w.x.writeAttribute("SystemState", Integer.toString(t.state().ordinal() + 1));
            w.x.writeAttribute("Description", t.state().name());
            for (HmRule r : t.rules()) {
                action(w, r, 3);
            }
            w.end(2);
        }
        w.end(1);
    }

    private static void connections(Indent w, SystemConfig c) throws XMLStreamException {
        w.start("Connection_Table", 1);
        for (int i = 0; i < c.channels().size(); i++) {
            ChannelConfig ch = c.channels().get(i);
            w.start("Channel", 2);
            w.x.writeAttribute("ChannelIdentifier", Integer.toString(i + 1));
            w.x.writeAttribute("ChannelName", ch.name());
            endpoint(w, c, "Source", ch.source());
            for (PortEndpoint d : ch.destinations()) {
                endpoint(w, c, "Destination", d);
            }
            w.end(2);
        }
        w.end(1);
    }

    private static void endpoint(Indent w, SystemConfig c, String role, PortEndpoint e) throws XMLStreamException {
        w.start(role, 3);
        w.empty("Standard_Partition", 4);
        w.x.writeAttribute("PartitionIdentifier", Integer.toString(c.partitionIndex(e.partition()) + 1));
        w.x.writeAttribute("PartitionName", e.partition());
        w.x.writeAttribute("PortName", e.port());
        w.end(3);
    }

    private static void ids(XMLStreamWriter x, PartitionConfig p) throws XMLStreamException {
        x.writeAttribute("PartitionIdentifier", Integer.toString(p.index() + 1));
        x.writeAttribute("PartitionName", p.name());
    }

    /** Exact decimal seconds, e.g. 0.025 for 25 ms. */
    static String seconds(long ns) {
        return BigDecimal.valueOf(ns, 9).stripTrailingZeros().toPlainString();
    }

    /** Pretty-printing over a stream writer, so output is stable and readable in diffs. */
    private static final class Indent {
        final XMLStreamWriter x;

        Indent(XMLStreamWriter x) {
            this.x = x;
        }

        void start(String name, int depth) throws XMLStreamException {
            x.writeCharacters("\n" + "  ".repeat(depth));
            x.writeStartElement(name);
        }

        void empty(String name, int depth) throws XMLStreamException {
            x.writeCharacters("\n" + "  ".repeat(depth));
            x.writeEmptyElement(name);
        }

        void end(int depth) throws XMLStreamException {
            x.writeCharacters("\n" + "  ".repeat(depth));
            x.writeEndElement();
        }
    }
}
