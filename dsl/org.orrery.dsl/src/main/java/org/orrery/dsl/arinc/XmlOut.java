// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.arinc;

import java.io.StringWriter;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Indented element writing over StAX, so exports are stable and readable in diffs. Extension elements carry a
 * prefix bound on the root; standard elements have no namespace, as the ARINC schema declares them.
 */
final class XmlOut {

    private final StringWriter text = new StringWriter();
    private final XMLStreamWriter x;
    private int depth;

    XmlOut() {
        try {
            x = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            x.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut open(String name) {
        return run(() -> {
            x.writeCharacters("\n" + "  ".repeat(depth++));
            x.writeStartElement(name);
        });
    }

    XmlOut open(String prefix, String ns, String name) {
        return run(() -> {
            x.writeCharacters("\n" + "  ".repeat(depth++));
            x.writeStartElement(prefix, name, ns);
        });
    }

    XmlOut empty(String name) {
        return run(() -> {
            x.writeCharacters("\n" + "  ".repeat(depth));
            x.writeEmptyElement(name);
        });
    }

    XmlOut empty(String prefix, String ns, String name) {
        return run(() -> {
            x.writeCharacters("\n" + "  ".repeat(depth));
            x.writeEmptyElement(prefix, name, ns);
        });
    }

    XmlOut namespace(String prefix, String ns) {
        return run(() -> x.writeNamespace(prefix, ns));
    }

    XmlOut attr(String name, Object value) {
        return run(() -> x.writeAttribute(name, String.valueOf(value)));
    }

    XmlOut close() {
        return run(() -> {
            x.writeCharacters("\n" + "  ".repeat(--depth));
            x.writeEndElement();
        });
    }

    String finish() {
        run(() -> {
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        });
        return text.toString();
    }

    private XmlOut run(Step s) {
        try {
            s.run();
        } catch (XMLStreamException e) {
            // Writing to a StringWriter cannot fail for I/O reasons; anything else is a bug in the exporter.
            throw new IllegalStateException("ARINC export failed: " + e.getMessage(), e);
        }
        return this;
    }

    private interface Step {
        void run() throws XMLStreamException;
    }
}
