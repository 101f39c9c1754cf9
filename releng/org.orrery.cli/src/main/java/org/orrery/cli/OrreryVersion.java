// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven stamped into the jar, so the CLI never carries a second copy of it. */
public final class OrreryVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = OrreryCli.class.getPackage().getImplementationVersion();
        return new String[] {"orrery " + (v == null ? "development build" : v)};
    }
}
