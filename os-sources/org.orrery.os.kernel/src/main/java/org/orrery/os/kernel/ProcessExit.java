// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.kernel;

/**
 * Unwinds a process that was stopped, restarted or abandoned. It is an {@link Error} so that ordinary
 * {@code catch (Exception e)} in applications does not swallow it; if an application catches it anyway,
 * every later API call throws it again.
 */
public final class ProcessExit extends Error {
    private static final long serialVersionUID = 1L;

    public ProcessExit() {
        super("process exited", null, false, false);
    }
}
