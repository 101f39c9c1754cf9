// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.ui.memory;

import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.orrery.dsl.model.Units;
import org.orrery.studio.diagram.edit.ModelDiagnostic;
import org.orrery.studio.diagram.memory.Bar;
import org.orrery.studio.diagram.memory.MemoryMap;
import org.orrery.studio.diagram.memory.Segment;

/**
 * Paints a {@link MemoryMap}: one row per bar (the RAM with its budgets, then each region), the bar spanning
 * the row's width at its own scale, allocations as coloured blocks, free space pale, overlaps hatched in red,
 * rows with problems outlined in red with the diagnostics in the tooltip.
 */
public final class MemoryMapCanvas extends Canvas {

    public static final int LABEL_PX = 260;
    public static final int ROW_PX = 64;
    public static final int BAR_PX = 30;
    private static final int TOP_PX = 30;

    private final Color[] fills;
    private final Color free;
    private final Color border;
    private final Color error;
    private final Color text;
    private final Color background;
    private MemoryMap map;
    private int scrollY;

    public MemoryMapCanvas(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND | SWT.V_SCROLL);
        fills = new Color[] {new Color(getDisplay(), 120, 170, 230), new Color(getDisplay(), 140, 200, 150),
            new Color(getDisplay(), 230, 180, 110), new Color(getDisplay(), 190, 150, 220), new Color(getDisplay(), 230, 140, 160)};
        free = new Color(getDisplay(), 236, 238, 242);
        border = new Color(getDisplay(), 90, 100, 120);
        error = new Color(getDisplay(), 210, 30, 30);
        text = new Color(getDisplay(), 20, 24, 32);
        background = new Color(getDisplay(), 250, 250, 252);
        addPaintListener(e -> paint(e.gc));
        addListener(SWT.Resize, e -> updateScrollBar());
        getVerticalBar().addListener(SWT.Selection, e -> {
            scrollY = getVerticalBar().getSelection();
            redraw();
        });
        addListener(SWT.MouseMove, this::hover);
        addListener(SWT.Dispose, e -> {
            for (Color c : fills) {
                c.dispose();
            }
            for (Color c : new Color[] {free, border, error, text, background}) {
                c.dispose();
            }
        });
    }

    public void setMap(MemoryMap map) {
        this.map = map;
        updateScrollBar();
        redraw();
    }

    public MemoryMap map() {
        return map;
    }

    /** Top of row {@code index} in canvas pixels (for tests). */
    public int rowTop(int index) {
        return TOP_PX + index * ROW_PX - scrollY;
    }

    private void updateScrollBar() {
        int content = map == null ? 0 : TOP_PX + map.bars().size() * ROW_PX;
        int view = getClientArea().height;
        getVerticalBar().setMaximum(Math.max(1, content));
        getVerticalBar().setThumb(Math.max(1, Math.min(content, view)));
        getVerticalBar().setVisible(content > view);
        if (content <= view) {
            scrollY = 0;
            getVerticalBar().setSelection(0);
        }
    }

    private void paint(GC gc) {
        gc.setBackground(background);
        gc.fillRectangle(getClientArea());
        if (map == null) {
            return;
        }
        gc.setForeground(text);
        gc.drawText("Memory map of board " + map.board() + "  (RAM: budgets placed as the generator places them)",
                8, 6 - scrollY, true);
        List<Bar> bars = map.bars();
        for (int i = 0; i < bars.size(); i++) {
            paintBar(gc, bars.get(i), rowTop(i));
        }
    }

    private void paintBar(GC gc, Bar bar, int top) {
        int x0 = LABEL_PX;
        int width = Math.max(40, getClientArea().width - LABEL_PX - 16);
        gc.setForeground(text);
        String title = bar.origin() == Bar.Origin.RAM ? "RAM " + Units.formatBytes(bar.size())
                : bar.name() + "  " + bar.access() + (bar.origin() == Bar.Origin.BOARD ? "  (board)" : "");
        gc.drawText(title, 8, top + 4, true);
        String range = bar.origin() == Bar.Origin.RAM ? "used " + Units.formatBytes(bar.used()) + ", free " + bytes(bar.free())
                : hex(bar.base()) + "–" + hex(bar.end()) + "  " + Units.formatBytes(bar.size())
                        + (bar.partitions().isEmpty() ? "" : "  for " + String.join(", ", bar.partitions()));
        gc.drawText(range, 8, top + 22, true);
        int y = top + 6;
        gc.setBackground(free);
        gc.fillRectangle(x0, y, width, BAR_PX);
        int colour = 0;
        for (Segment s : bar.segments()) {
            int sx = x0 + scale(s.start() - bar.base(), bar.size(), width);
            int ex = x0 + scale(s.end() - bar.base(), bar.size(), width);
            ex = Math.min(x0 + width, Math.max(ex, sx + 2));
            if (s.kind() == Segment.Kind.OVERLAP) {
                hatch(gc, sx, y, ex - sx, BAR_PX);
                continue;
            }
            gc.setBackground(fills[colour++ % fills.length]);
            gc.fillRectangle(sx, y, ex - sx, BAR_PX);
            gc.setForeground(border);
            gc.drawRectangle(sx, y, ex - sx, BAR_PX);
            String label = s.label() + " " + Units.formatBytes(s.size());
            if (gc.textExtent(label).x >= ex - sx - 4) {
                label = s.label();
            }
            if (gc.textExtent(label).x < ex - sx - 4) {
                gc.setForeground(text);
                gc.drawText(label, sx + 3, y + (BAR_PX - gc.getFontMetrics().getHeight()) / 2, true);
            }
        }
        if (bar.free() < 0) {
            hatch(gc, x0 + width - 6, y, 6, BAR_PX);
        }
        boolean flagged = bar.flagged() || bar.free() < 0;
        gc.setForeground(flagged ? error : border);
        gc.setLineWidth(flagged ? 2 : 1);
        gc.drawRectangle(x0, y, width, BAR_PX);
        gc.setLineWidth(1);
        gc.setForeground(text);
        String freeText = "free " + bytes(bar.free());
        gc.drawText(freeText, x0 + width - gc.textExtent(freeText).x, y + BAR_PX + 2, true);
    }

    private void hatch(GC gc, int x, int y, int w, int h) {
        gc.setForeground(error);
        gc.setClipping(x, y, w, h);
        for (int d = -h; d < w; d += 5) {
            gc.drawLine(x + d, y + h, x + d + h, y);
        }
        gc.setClipping((org.eclipse.swt.graphics.Rectangle) null);
        gc.drawRectangle(x, y, w, h);
    }

    private static int scale(long offset, long size, int width) {
        return size <= 0 ? 0 : (int) Math.max(0, Math.min(width, Math.round((double) offset / size * width)));
    }

    private void hover(Event e) {
        setToolTipText(map == null ? null : describeAt(new Point(e.x, e.y)));
    }

    /** Tooltip text for a canvas position: the segment or bar there, with its diagnostics. */
    public String describeAt(Point p) {
        List<Bar> bars = map.bars();
        int row = (p.y + scrollY - TOP_PX) / ROW_PX;
        if (row < 0 || row >= bars.size() || p.y + scrollY < TOP_PX) {
            return null;
        }
        Bar bar = bars.get(row);
        int width = Math.max(40, getClientArea().width - LABEL_PX - 16);
        StringBuilder sb = new StringBuilder();
        if (p.x >= LABEL_PX && p.x <= LABEL_PX + width) {
            for (Segment s : bar.segments()) {
                int sx = LABEL_PX + scale(s.start() - bar.base(), bar.size(), width);
                int ex = LABEL_PX + scale(s.end() - bar.base(), bar.size(), width);
                if (p.x >= sx && p.x <= Math.max(ex, sx + 2)) {
                    sb.append(s.label()).append(": ").append(hex(s.start())).append("–").append(hex(s.end())).append(", ")
                            .append(Units.formatBytes(s.size()));
                    append(sb, s.diagnostics());
                    return sb.toString();
                }
            }
        }
        sb.append(bar.name()).append(": ").append(Units.formatBytes(bar.size())).append(", used ")
                .append(Units.formatBytes(bar.used())).append(", free ").append(bytes(bar.free()));
        append(sb, bar.diagnostics());
        return sb.toString();
    }

    private static void append(StringBuilder sb, List<ModelDiagnostic> ds) {
        for (ModelDiagnostic d : ds) {
            sb.append('\n').append(d.severity().name().toLowerCase(Locale.ROOT)).append(": ").append(d.label());
        }
    }

    private static String bytes(long n) {
        return n < 0 ? "-" + Units.formatBytes(-n) : Units.formatBytes(n);
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
