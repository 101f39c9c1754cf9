// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.diagram.topology;

import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.data.LayoutMetaDataService;

/**
 * Registers ELK's option metadata before the first layout. ELK finds its providers with a ServiceLoader on
 * its own class loader, which in OSGi does not see the Layered bundle (and without the metadata service
 * ELK cannot even clone option defaults), so Layered is registered by hand when it is missing.
 */
final class ElkSetup {

    private static volatile boolean done;

    private ElkSetup() {
    }

    static void ensure() {
        if (done) {
            return;
        }
        synchronized (ElkSetup.class) {
            LayoutMetaDataService service = LayoutMetaDataService.getInstance();
            if (service.getAlgorithmData(LayeredOptions.ALGORITHM_ID) == null) {
                service.registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
            }
            done = true;
        }
    }
}
