// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.xtratum;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
 * A minimal element tree that remembers where each element starts (its {@code <}), so import errors can name
 * {@code file:line:col}. Elements are found by local name (XM_CF files use one default namespace, whose version
 * {@link #namespace} tells), DTDs and
 * external entities are refused.
 */
public final class XmlTree {

    public final String name;
    /** The element's namespace URI, empty when it has none. */
    public final String namespace;
    public final Map<String, String> attributes = new LinkedHashMap<>();
    public final List<XmlTree> children = new ArrayList<>();
    public final int line;
    public final int column;

    /**
     * Looking a factory up scans the class path for StAX providers: 7 ms a file in the importer's fuzz run, where
     * parsing takes a fraction of that. One configured factory per thread (the StAX API does not promise that one
     * factory serves several threads at once).
     */
    private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(() -> {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    });

    private XmlTree(String name, String namespace, int line, int column) {
        this.name = name;
        this.namespace = namespace == null ? "" : namespace;
        this.line = line;
        this.column = column;
    }

    /** @throws IOException when {@code in} cannot be read (a problem of the file, not of its content) */
    public static XmlTree parse(InputStream in) throws XmcfException, IOException {
        XMLInputFactory f = FACTORY.get();
        XMLStreamReader r = null;
        try {
            byte[] bytes = in.readAllBytes();
            Utf8Input.require(bytes);
            TagStarts starts = new TagStarts(new String(bytes, StandardCharsets.UTF_8));
            r = f.createXMLStreamReader(new ByteArrayInputStream(bytes));
            Deque<XmlTree> stack = new ArrayDeque<>();
            XmlTree root = null;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    int[] at = starts.of(r.getLocation().getLineNumber(), r.getLocation().getColumnNumber());
                    XmlTree e = new XmlTree(r.getLocalName(), r.getNamespaceURI(), at[0], at[1]);
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

    /**
     * Where start tags begin. StAX locates a start element at the end of its tag (after the {@code >}, on the tag's
     * last line); an error about the element should point at its {@code <}. A {@code <} cannot occur inside a
     * well-formed tag, so the tag begins at the last one before the reported end. Positions are counted in the text
     * read as UTF-8, as XM_CF files are; other encodings may shift columns after non-ASCII characters.
     */
    private static final class TagStarts {

        private final String text;
        private final List<Integer> lineStarts = new ArrayList<>();

        TagStarts(String text) {
            this.text = text;
            lineStarts.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    lineStarts.add(i + 1);
                }
            }
        }

        /** {line, column} of the {@code <} of the tag that ends at {@code line:column}; that position if none. */
        int[] of(int line, int column) {
            if (line < 1 || line > lineStarts.size() || column < 1) {
                return new int[] {line, column};
            }
            int end = Math.min(text.length(), lineStarts.get(line - 1) + column - 1);
            int lt = text.lastIndexOf('<', end - 1);
            if (lt < 0) {
                return new int[] {line, column};
            }
            int l = line;
            while (lineStarts.get(l - 1) > lt) {
                l--;
            }
            return new int[] {l, lt - lineStarts.get(l - 1) + 1};
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

    public XmlTree child(String n) {
        for (XmlTree c : children) {
            if (c.name.equals(n)) {
                return c;
            }
        }
        return null;
    }

    public List<XmlTree> all(String n) {
        List<XmlTree> out = new ArrayList<>();
        for (XmlTree c : children) {
            if (c.name.equals(n)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Descendants reached by the slash-separated element path, e.g. {@code HwDescription/Processor}. */
    public List<XmlTree> path(String p) {
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

    public String attr(String n) throws XmcfException {
        String v = attributes.get(n);
        if (v == null) {
            throw new XmcfException(line, column, "<" + name + "> lacks the required attribute '" + n + "'");
        }
        return v;
    }

    public String attr(String n, String fallback) {
        return attributes.getOrDefault(n, fallback);
    }
}
