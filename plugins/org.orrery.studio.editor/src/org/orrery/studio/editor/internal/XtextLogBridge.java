// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.internal;

import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;
import org.apache.log4j.spi.ThrowableInformation;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;

/**
 * Xtext reports failures inside the language server (a crashing completion, a broken validator) only through
 * log4j, which has no appender in the workbench: such failures were silent and showed up as empty results.
 * This appender forwards Xtext's warnings and errors to the Eclipse log (Error Log view, .metadata/.log).
 */
public final class XtextLogBridge extends AppenderSkeleton {

    private static boolean installed;

    private final ILog log;
    private final String bundle;

    private XtextLogBridge(ILog log, String bundle) {
        this.log = log;
        this.bundle = bundle;
        setThreshold(Level.WARN);
    }

    /** Adds the appender to Xtext's loggers once per workbench. */
    public static synchronized void install() {
        if (installed || !Platform.isRunning()) {
            return;
        }
        installed = true;
        XtextLogBridge appender = new XtextLogBridge(Platform.getLog(XtextLogBridge.class), "org.orrery.studio.editor");
        appender.setName("orrery-eclipse-log");
        Logger.getLogger("org.eclipse.xtext").addAppender(appender);
        Logger.getLogger("org.orrery").addAppender(appender);
    }

    @Override
    protected void append(LoggingEvent event) {
        int severity = event.getLevel().isGreaterOrEqual(Level.ERROR) ? IStatus.ERROR : IStatus.WARNING;
        ThrowableInformation info = event.getThrowableInformation();
        Throwable cause = info == null ? null : info.getThrowable();
        log.log(new Status(severity, bundle, event.getLoggerName() + ": " + event.getRenderedMessage(), cause));
    }

    @Override
    public void close() {
    }

    @Override
    public boolean requiresLayout() {
        return false;
    }
}
