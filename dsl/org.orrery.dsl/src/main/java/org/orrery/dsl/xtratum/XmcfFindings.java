// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.xtratum;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The warnings of one import, in input order. */
final class XmcfFindings {

    private final List<XmcfImport.Finding> findings = new ArrayList<>();

    void warn(XmlTree at, String message) {
        findings.add(new XmcfImport.Finding(at.line, at.column, message));
    }

    List<XmcfImport.Finding> sorted() {
        return findings.stream().sorted(Comparator.comparingInt(XmcfImport.Finding::line)
                .thenComparingInt(XmcfImport.Finding::column)).toList();
    }
}
