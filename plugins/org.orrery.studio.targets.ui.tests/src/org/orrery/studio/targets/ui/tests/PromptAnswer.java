// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.ui.tests;

import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Shell;
import org.orrery.studio.testing.Widgets;

/**
 * Answers a modal prompt the way a user does, by pressing one of its buttons once it shows. A prompt the workbench
 * opens from a UI job runs its own event loop inside whatever loop dispatched the job, here a test's
 * {@link Widgets#waitUntil}, which then never sees its deadline: the test would wait for ever. A display filter sees
 * the prompt's shell appear and presses the button from inside the prompt's own loop.
 */
final class PromptAnswer implements AutoCloseable {

    private final Display display;
    private final Listener filter;
    private final AtomicInteger answered = new AtomicInteger();

    private PromptAnswer(Display display, String title, String button) {
        this.display = display;
        this.filter = event -> {
            if (event.widget instanceof Shell shell && title.equals(shell.getText())) {
                // after the Show event: the prompt's loop is running and its buttons take a selection
                display.asyncExec(() -> press(shell, button));
            }
        };
    }

    /** From now until {@link #close()}, presses {@code button} on each shell titled {@code title} that shows. */
    static PromptAnswer pressing(String title, String button) {
        PromptAnswer a = new PromptAnswer(Display.getCurrent(), title, button);
        a.display.addFilter(SWT.Show, a.filter);
        a.display.addFilter(SWT.Activate, a.filter); // whichever comes first; the second finds the prompt gone
        return a;
    }

    /** How many prompts were answered. */
    int answered() {
        return answered.get();
    }

    private void press(Shell shell, String button) {
        if (shell.isDisposed()) {
            return;
        }
        Button b = Widgets.findOne(shell, Button.class, Widgets.withText(button), button + " in " + shell.getText());
        b.notifyListeners(SWT.Selection, new Event());
        answered.incrementAndGet();
    }

    @Override
    public void close() {
        if (!display.isDisposed()) {
            display.removeFilter(SWT.Show, filter);
            display.removeFilter(SWT.Activate, filter);
        }
    }
}
