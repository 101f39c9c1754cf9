// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.xtratum;

/** An XM_CF file that cannot be imported, with the position of the offending element. */
public final class XmcfException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    public XmcfException(int line, int column, String message) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
