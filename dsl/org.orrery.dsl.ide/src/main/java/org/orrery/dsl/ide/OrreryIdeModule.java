// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.ide;

/** IDE bindings (content assist, hover, ...) on top of the runtime module; Xtext's defaults suffice so far. */
public class OrreryIdeModule extends AbstractOrreryIdeModule {
}
