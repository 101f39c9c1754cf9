// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.api;

/**
 * An error handed to the error handler process.
 *
 * @param process the failing process, or null when not caused by a process
 */
public record ErrorStatus(ErrorCode code, ProcessRef process, String message, long timestampNs) {
}
