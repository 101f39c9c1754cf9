// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.arinc;

import org.orrery.dsl.ImportException;
import org.orrery.dsl.validation.OrreryIssueCodes;

/** An ARINC 653 module file that cannot be imported, with the position of the offending element. */
public final class ArincException extends ImportException {

    private static final long serialVersionUID = 1L;

    public ArincException(int line, int column, String message) {
        super(line, column, OrreryIssueCodes.ARINC_IMPORT, message);
    }
}
