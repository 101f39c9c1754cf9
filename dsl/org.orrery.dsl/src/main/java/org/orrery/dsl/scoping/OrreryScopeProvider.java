// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.scoping;

/**
 * Scoping: names are qualified by containment (a port is {@code partition.port}), files see what they
 * import (bound in the runtime module). The generated defaults implement exactly that.
 */
public class OrreryScopeProvider extends AbstractOrreryScopeProvider {
}
