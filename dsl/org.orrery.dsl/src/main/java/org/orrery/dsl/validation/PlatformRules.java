// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.validation;

import org.eclipse.xtext.validation.Check;
import org.orrery.dsl.model.BoardFacts;
import org.orrery.dsl.model.ConfigEnums;
import org.orrery.dsl.orrery.OrreryPackage.Literals;
import org.orrery.dsl.orrery.Service;
import org.orrery.dsl.orrery.Vm;

/** Services and virtual machines on the board. */
public class PlatformRules extends OrreryRules {

    @Check
    public void vmVcpusOverCores(Vm vm) {
        BoardFacts board = system(vm).boardFacts();
        if (board != null && vm.getVcpus() > board.cores()) {
            error("VM " + q(vm.getName()) + " has " + vm.getVcpus() + " vcpus but the board has only " + board.cores()
                    + (board.cores() == 1 ? " core" : " cores") + ": lower its 'vcpus'.", vm, Literals.VM__VCPUS, OrreryIssueCodes.VM_VCPUS_OVER_CORES);
        }
    }

    @Check
    public void servicePortClash(Service service) {
        int port = portOf(service);
        if (port == 0 || service.getPartition() == null || service.getPartition().eIsProxy()) {
            return;
        }
        for (Service other : system(service).services()) {
            if (other == service) {
                return;
            }
            if (other.getPartition() == service.getPartition() && portOf(other) == port) {
                error("Service " + q(service.getName()) + " listens on port " + port + " of partition "
                        + q(service.getPartition().getName()) + ", already used by service " + q(other.getName()) + ": give one of them another 'port'.",
                        service, service.getPort() != 0 ? Literals.SERVICE__PORT : Literals.SERVICE__NAME,
                        OrreryIssueCodes.SERVICE_PORT_CLASH);
                return;
            }
        }
    }

    static int portOf(Service s) {
        return s.getPort() != 0 ? s.getPort() : ConfigEnums.defaultPort(s.getKind());
    }
}
