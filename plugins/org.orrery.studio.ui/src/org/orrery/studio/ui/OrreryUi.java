// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.ui;

/** Identifiers other bundles and tests refer to; the extension declarations in plugin.xml use the same ids. */
public final class OrreryUi {

    public static final String PLUGIN_ID = "org.orrery.studio.ui";
    public static final String PERSPECTIVE_ID = "org.orrery.studio.ui.perspective";
    public static final String PRODUCT_ID = "org.orrery.studio.ui.product";

    private OrreryUi() {
    }
}
