// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.testing;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Item;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.swt.widgets.Widget;

/**
 * Finds real SWT widgets for tests that run inside the workbench. SWTBot is not reachable from this build,
 * so this is the small part of it our tests need: walk the widget tree (controls, tab items, tool items,
 * tree items), filter by type and text, and spin the event loop until a condition holds. All methods must be
 * called on the UI thread, which is where the Tycho UI harness runs our tests.
 */
public final class Widgets {

    private static final Duration POLL = Duration.ofMillis(10);

    private Widgets() {
    }

    /** Every widget of {@code type} under {@code root} (root included) accepted by {@code filter}, in tree order. */
    public static <T extends Widget> List<T> findAll(Widget root, Class<T> type, Predicate<? super T> filter) {
        Objects.requireNonNull(root, "root");
        List<T> found = new ArrayList<>();
        Deque<Widget> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Widget w = pending.pop();
            if (w.isDisposed()) {
                continue;
            }
            if (type.isInstance(w) && filter.test(type.cast(w))) {
                found.add(type.cast(w));
            }
            List<Widget> kids = children(w);
            for (int i = kids.size() - 1; i >= 0; i--) {
                pending.push(kids.get(i));
            }
        }
        return found;
    }

    /**
     * The single widget matching; fails with a message naming what was sought and what was seen, so a broken
     * UI test says why rather than throwing a bare NoSuchElementException.
     */
    public static <T extends Widget> T findOne(Widget root, Class<T> type, Predicate<? super T> filter, String what) {
        List<T> found = findAll(root, type, filter);
        if (found.size() != 1) {
            String seen = findAll(root, type, w -> true).stream()
                    .map(Widgets::describe).limit(40).collect(Collectors.joining(", "));
            throw new AssertionError("expected exactly one " + type.getSimpleName() + " " + what + " but found "
                    + found.size() + "; " + type.getSimpleName() + "s present: [" + seen + "]");
        }
        return found.get(0);
    }

    /** Matches widgets whose visible text (mnemonics removed) equals {@code text}. */
    public static <T extends Widget> Predicate<T> withText(String text) {
        return w -> text.equals(textOf(w));
    }

    /** The text a user sees on the widget, without the '&' mnemonic marker; empty when it has none. */
    public static String textOf(Widget w) {
        String raw;
        if (w instanceof Item item) {
            raw = item.getText();
        } else if (w instanceof Button b) {
            raw = b.getText();
        } else if (w instanceof Label l) {
            raw = l.getText();
        } else if (w instanceof CLabel l) {
            raw = l.getText();
        } else if (w instanceof Text t) {
            raw = t.getText();
        } else if (w instanceof Shell s) {
            raw = s.getText();
        } else if (w instanceof Group g) {
            raw = g.getText();
        } else if (w instanceof Link l) {
            raw = l.getText();
        } else {
            raw = "";
        }
        return raw == null ? "" : raw.replace("&", "");
    }

    /**
     * Processes UI events until {@code condition} holds; fails after {@code timeout} naming {@code what}.
     * Tests use it instead of sleeps because jobs and deferred layouts finish on the event loop.
     */
    public static void waitUntil(BooleanSupplier condition, Duration timeout, String what) {
        Display display = Display.getCurrent();
        if (display == null) {
            throw new IllegalStateException("waitUntil must run on the UI thread");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(POLL.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted waiting for " + what, e);
                }
            }
        }
    }

    /** Drains pending UI events so that asynchronous updates become visible to the next assertion. */
    public static void flushEvents() {
        Display display = Display.getCurrent();
        while (display != null && display.readAndDispatch()) {
            // keep dispatching
        }
    }

    private static List<Widget> children(Widget w) {
        List<Widget> kids = new ArrayList<>();
        if (w instanceof CTabFolder f) {
            Collections.addAll(kids, f.getItems());
        } else if (w instanceof TabFolder f) {
            Collections.addAll(kids, f.getItems());
        } else if (w instanceof ToolBar t) {
            Collections.addAll(kids, t.getItems());
        } else if (w instanceof Tree t) {
            Collections.addAll(kids, t.getItems());
        } else if (w instanceof TreeItem ti) {
            Collections.addAll(kids, ti.getItems());
        }
        if (w instanceof Composite c) {
            Collections.addAll(kids, c.getChildren());
        }
        return kids;
    }

    private static String describe(Widget w) {
        String text = textOf(w);
        return text.isEmpty() ? w.getClass().getSimpleName() : '"' + text + '"';
    }
}
