// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.xtratum;

import org.orrery.dsl.ImportException;
import org.orrery.dsl.validation.OrreryIssueCodes;

/** An XM_CF file that cannot be imported, with the position of the offending element. */
public final class XmcfException extends ImportException {

    private static final long serialVersionUID = 1L;

    public XmcfException(int line, int column, String message) {
        super(line, column, OrreryIssueCodes.XMCF, message);
    }
}
