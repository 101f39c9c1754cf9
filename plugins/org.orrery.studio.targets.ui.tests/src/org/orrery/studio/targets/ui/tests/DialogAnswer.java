// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.ui.tests;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * Answers a modal dialog the code under test opens on the UI thread: the test's own thread is inside that code, so
 * the answer runs from the dialog's event loop, looking for the shell by its title until it shows (or giving up).
 */
final class DialogAnswer {

    private static final int TRIES = 200;
    private static final int EVERY_MS = 50;

    private final AtomicInteger answered = new AtomicInteger();

    private DialogAnswer() {
    }

    /** From now on, the next shell titled {@code title} gets {@code answer} (which must close it). */
    static DialogAnswer expect(String title, Consumer<Shell> answer) {
        DialogAnswer a = new DialogAnswer();
        a.poll(Display.getCurrent(), title, answer, TRIES);
        return a;
    }

    /** How many shells were answered (0 or 1). */
    int answered() {
        return answered.get();
    }

    private void poll(Display display, String title, Consumer<Shell> answer, int left) {
        display.timerExec(EVERY_MS, () -> {
            Optional<Shell> shell = Arrays.stream(display.getShells())
                    .filter(s -> !s.isDisposed() && s.isVisible() && title.equals(s.getText())).findFirst();
            if (shell.isPresent()) {
                answered.incrementAndGet();
                answer.accept(shell.get());
            } else if (left > 0) {
                poll(display, title, answer, left - 1);
            }
        });
    }
}
