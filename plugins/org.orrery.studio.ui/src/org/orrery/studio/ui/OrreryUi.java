// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.ui;

/** Identifiers other bundles and tests refer to; the extension declarations in plugin.xml use the same ids. */
public final class OrreryUi {

    public static final String PLUGIN_ID = "org.orrery.studio.ui";
    public static final String PERSPECTIVE_ID = "org.orrery.studio.ui.perspective";
    public static final String PRODUCT_ID = "org.orrery.studio.ui.product";
    /** File → New → Orrery System Project. */
    public static final String NEW_PROJECT_WIZARD_ID = "org.orrery.studio.ui.wizards.newSystemProject";

    /** File → Import → Orrery → ARINC 653 module XML. */
    public static final String IMPORT_ARINC_WIZARD_ID = "org.orrery.studio.ui.wizards.importArinc";
    /** File → Import → Orrery → XtratuM XM_CF configuration. */
    public static final String IMPORT_XTRATUM_WIZARD_ID = "org.orrery.studio.ui.wizards.importXtratum";

    private OrreryUi() {
    }
}
