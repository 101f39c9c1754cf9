// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.xtratum;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A minimal element tree that remembers where each element starts, so import errors can name
 * {@code file:line:col}. Namespaces are ignored (XM_CF files use one default namespace), DTDs and
 * external entities are refused.
 */
final class XmlTree {

    final String name;
    final Map<String, String> attributes = new LinkedHashMap<>();
    final List<XmlTree> children = new ArrayList<>();
    final int line;
    final int column;

    private XmlTree(String name, int line, int column) {
        this.name = name;
        this.line = line;
        this.column = column;
    }

    static XmlTree parse(InputStream in) throws XmcfException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        XMLStreamReader r = null;
        try {
            r = f.createXMLStreamReader(in);
            Deque<XmlTree> stack = new ArrayDeque<>();
            XmlTree root = null;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    XmlTree e = new XmlTree(r.getLocalName(), r.getLocation().getLineNumber(), r.getLocation().getColumnNumber());
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        e.attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                    }
                    if (stack.isEmpty()) {
                        root = e;
                    } else {
                        stack.peek().children.add(e);
                    }
                    stack.push(e);
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    stack.pop();
                }
            }
            if (root == null) {
                throw new XmcfException(1, 1, "no root element");
            }
            return root;
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNumber());
            int col = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNumber());
            throw new XmcfException(line, col, "malformed XML: " + firstLine(e.getMessage()));
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader over a stream the caller owns; nothing to release here
                }
            }
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        String t = s.contains("Message: ") ? s.substring(s.indexOf("Message: ") + 9) : s;
        int nl = t.indexOf('\n');
        return (nl < 0 ? t : t.substring(0, nl)).trim();
    }

    XmlTree child(String n) {
        for (XmlTree c : children) {
            if (c.name.equals(n)) {
                return c;
            }
        }
        return null;
    }

    List<XmlTree> all(String n) {
        List<XmlTree> out = new ArrayList<>();
        for (XmlTree c : children) {
            if (c.name.equals(n)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Descendants reached by the slash-separated element path, e.g. {@code HwDescription/Processor}. */
    List<XmlTree> path(String p) {
        List<XmlTree> level = List.of(this);
        for (String step : p.split("/")) {
            List<XmlTree> next = new ArrayList<>();
            for (XmlTree t : level) {
                next.addAll(t.all(step));
            }
            level = next;
        }
        return level;
    }

    String attr(String n) throws XmcfException {
        String v = attributes.get(n);
        if (v == null) {
            throw new XmcfException(line, column, "<" + name + "> lacks the required attribute '" + n + "'");
        }
        return v;
    }

    String attr(String n, String fallback) {
        return attributes.getOrDefault(n, fallback);
    }
}
