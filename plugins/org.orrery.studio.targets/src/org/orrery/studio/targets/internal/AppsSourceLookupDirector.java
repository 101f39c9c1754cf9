// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.internal;

import org.eclipse.debug.core.sourcelookup.AbstractSourceLookupDirector;
import org.eclipse.debug.core.sourcelookup.ISourceLookupParticipant;
import org.eclipse.jdt.launching.sourcelookup.containers.JavaSourceLookupParticipant;

/**
 * Java source lookup for an attached partition: JDT's participant turns a stack frame into its source file's path
 * below a source root, which the {@link AppsSourcePathComputer}'s folders resolve.
 */
public final class AppsSourceLookupDirector extends AbstractSourceLookupDirector {

    @Override
    public void initializeParticipants() {
        addParticipants(new ISourceLookupParticipant[] {new JavaSourceLookupParticipant()});
    }
}
