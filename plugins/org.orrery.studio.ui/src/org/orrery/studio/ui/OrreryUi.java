// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.ui;

/** Identifiers other bundles and tests refer to; the extension declarations in plugin.xml use the same ids. */
public final class OrreryUi {

    public static final String PLUGIN_ID = "org.orrery.studio.ui";
    public static final String PERSPECTIVE_ID = "org.orrery.studio.ui.perspective";
    public static final String PRODUCT_ID = "org.orrery.studio.ui.product";
    /** File → New → Orrery System Project. */
    public static final String NEW_PROJECT_WIZARD_ID = "org.orrery.studio.ui.wizards.newSystemProject";

    private OrreryUi() {
    }
}
