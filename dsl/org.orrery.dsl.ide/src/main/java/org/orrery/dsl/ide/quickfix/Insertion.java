// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.ide.quickfix;

import java.util.List;

import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.orrery.dsl.orrery.CoreSchedule;
import org.orrery.dsl.orrery.Plan;
import org.orrery.dsl.orrery.Window;

/** Where and how a new line goes into a block so that it reads like its neighbours. */
final class Insertion {

    private static final String INDENT = "    ";

    private Insertion() {
    }

    /** An edit adding {@code line} as the last window of {@code schedule}, indented like the others. */
    static ScheduleFixes.Edit window(CoreSchedule schedule, String line) {
        List<Window> windows = schedule.getWindows();
        if (!windows.isEmpty()) {
            ICompositeNode last = NodeModelUtils.findActualNodeFor(windows.get(windows.size() - 1));
            String indent = indentOf(last);
            return new ScheduleFixes.Edit(last.getEndOffset(), 0, "\n" + indent + line);
        }
        ICompositeNode node = NodeModelUtils.findActualNodeFor(schedule);
        if (node == null) {
            return null;
        }
        for (ILeafNode leaf : node.getLeafNodes()) {
            if ("{".equals(leaf.getText())) {
                return new ScheduleFixes.Edit(leaf.getEndOffset(), 0, "\n" + indentOf(node) + INDENT + line);
            }
        }
        return null;
    }

    /** An edit adding a new core schedule holding one window after the last core schedule of {@code plan}. */
    static ScheduleFixes.Edit coreSchedule(Plan plan, int core, String frame, String window) {
        CoreSchedule last = plan.getCores().get(plan.getCores().size() - 1);
        ICompositeNode node = NodeModelUtils.findActualNodeFor(last);
        String indent = indentOf(node);
        return new ScheduleFixes.Edit(node.getEndOffset(), 0, "\n" + indent + "core " + core + " major-frame " + frame
                + " {\n" + indent + INDENT + window + "\n" + indent + "}");
    }

    // The whitespace that starts the node's first line.
    private static String indentOf(ICompositeNode node) {
        String text = node.getRootNode().getText();
        int lineStart = text.lastIndexOf('\n', node.getOffset() - 1) + 1;
        int i = lineStart;
        while (i < node.getOffset() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.substring(lineStart, i);
    }
}
