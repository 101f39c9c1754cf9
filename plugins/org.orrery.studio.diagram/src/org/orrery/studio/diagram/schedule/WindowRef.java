// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.schedule;

/**
 * Names a window by position (plan, core, index among the core's windows in text order), not by object:
 * every edit re-parses the text, so model objects do not survive it but positions do.
 */
public record WindowRef(String plan, int core, int index) {
}
