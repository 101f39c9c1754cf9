// SPDX-License-Identifier: EPL-2.0
package org.orrery.trace.analysis;

/** Anything drawn as an interval on a core's lane; lanes keep spans sorted by start for range queries. */
public interface Span {

    long startNs();

    long endNs();
}
