// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.arinc;

/** An ARINC 653 module file that cannot be imported, with the position of the offending element. */
public final class ArincException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    public ArincException(int line, int column, String message) {
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
