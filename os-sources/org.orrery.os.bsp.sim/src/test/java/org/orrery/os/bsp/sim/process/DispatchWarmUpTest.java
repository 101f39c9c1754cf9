// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.bsp.sim.process;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.junit.jupiter.api.Test;

/**
 * The kernel prepares the reflective call of every partition service method before board time: each is invoked once
 * on an idle stand-in with zero arguments. A parameter of any primitive type of the API must get a box of its own
 * type (a first version passed a Double for an int and stopped every board that ran partition processes).
 */
class DispatchWarmUpTest {
    @Test
    void everyServiceMethodOfTheApiIsCalledOnceWithoutFailing() {
        assertDoesNotThrow(DispatchWarmUp::run);
    }
}
