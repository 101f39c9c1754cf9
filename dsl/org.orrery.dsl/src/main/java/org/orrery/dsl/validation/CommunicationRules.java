// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.validation;

import org.eclipse.xtext.validation.Check;
import org.orrery.dsl.model.SystemView;
import org.orrery.dsl.model.Units;
import org.orrery.dsl.orrery.Channel;
import org.orrery.dsl.orrery.CoreSchedule;
import org.orrery.dsl.orrery.OrreryPackage.Literals;
import org.orrery.dsl.orrery.Partition;
import org.orrery.dsl.orrery.Plan;
import org.orrery.dsl.orrery.Port;
import org.orrery.dsl.orrery.PortDirection;
import org.orrery.dsl.orrery.PortKind;

/** Channels and the ports they connect. */
public class CommunicationRules extends OrreryRules {

    @Check
    public void channelKindMismatch(Channel channel) {
        forEachEndpoint(channel, (port, feature, index) -> {
            if (port.getKind() != channel.getKind()) {
                error("Port " + q(Naming.qualified(port)) + " is a " + port.getKind().getLiteral() + " port, but channel "
                        + q(channel.getName()) + " is " + channel.getKind().getLiteral() + ": make the port and the channel the same kind.", channel, feature, index,
                        OrreryIssueCodes.CHANNEL_KIND_MISMATCH);
            }
        });
    }

    @Check
    public void channelDirectionMismatch(Channel channel) {
        forEachEndpoint(channel, (port, feature, index) -> {
            boolean source = feature == Literals.CHANNEL__SOURCE;
            PortDirection wanted = source ? PortDirection.SOURCE : PortDirection.DESTINATION;
            if (port.getDirection() != wanted) {
                error("Port " + q(Naming.qualified(port)) + " is declared '" + port.getDirection().getLiteral()
                        + "' but is the " + (source ? "source" : "destination") + " of channel " + q(channel.getName())
                        + "; it must be '" + wanted.getLiteral() + "'.", channel, feature, index,
                        OrreryIssueCodes.CHANNEL_DIRECTION_MISMATCH);
            }
        });
    }

    @Check
    public void channelSizeMismatch(Channel channel) {
        Port source = channel.getSource();
        if (source == null || source.eIsProxy() || source.getMessageSize() == null) {
            return;
        }
        long size = Units.bytes(source.getMessageSize());
        for (int i = 0; i < channel.getDestinations().size(); i++) {
            Port d = channel.getDestinations().get(i);
            if (!d.eIsProxy() && d.getMessageSize() != null && Units.bytes(d.getMessageSize()) < size) {
                error("Destination " + q(Naming.qualified(d)) + " takes messages of " + Units.formatBytes(Units.bytes(d.getMessageSize()))
                        + ", smaller than the " + Units.formatBytes(size) + " of source " + q(Naming.qualified(source)) + ": raise the destination's 'size'.",
                        channel, Literals.CHANNEL__DESTINATIONS, i, OrreryIssueCodes.CHANNEL_SIZE_MISMATCH);
            }
        }
    }

    @Check
    public void queuingMultipleDestinations(Channel channel) {
        if (channel.getKind() == PortKind.QUEUING && channel.getDestinations().size() > 1) {
            error("Queuing channel " + q(channel.getName()) + " has " + channel.getDestinations().size()
                    + " destinations; a queuing channel connects exactly one source to one destination.", channel,
                    Literals.CHANNEL__DESTINATIONS, 1, OrreryIssueCodes.QUEUING_MULTIPLE_DESTINATIONS);
        }
    }

    @Check
    public void portMultiplyConnected(Channel channel) {
        SystemView system = system(channel);
        forEachEndpoint(channel, (port, feature, index) -> {
            Channel first = system.firstChannelOf(port);
            if (first != null && first != channel) {
                error("Port " + q(Naming.qualified(port)) + " is already connected by channel " + q(first.getName())
                        + "; a port belongs to one channel.", channel, feature, index, OrreryIssueCodes.PORT_MULTIPLY_CONNECTED);
            }
        });
    }

    @Check
    public void refreshBelowPeriod(Channel channel) {
        Port source = channel.getSource();
        if (channel.getKind() != PortKind.SAMPLING || source == null || source.eIsProxy()
                || !(source.eContainer() instanceof Partition producer)) {
            return;
        }
        long period = partitionPeriod(system(channel), producer);
        for (int i = 0; i < channel.getDestinations().size(); i++) {
            Port d = channel.getDestinations().get(i);
            long refresh = d.eIsProxy() ? 0 : Units.nanos(d.getRefresh());
            if (refresh > 0 && period > 0 && refresh < period) {
                // A warning, not an error: stale samples are a design choice vendors accept (XtratuM's
                // validPeriod, ARINC's RefreshRateSeconds), and the reader sees the validity flag.
                warning("Refresh period " + Units.formatNanos(refresh) + " of " + q(Naming.qualified(d))
                        + " is shorter than the " + Units.formatNanos(period) + " period of source partition "
                        + q(producer.getName()) + ": reads between two of its writes find the sample stale. Raise 'refresh' to at least "
                        + Units.formatNanos(period) + (producer.getPeriod() != null ? ""
                                : ", or declare 'period' in partition " + q(producer.getName()) + " if it runs more often "
                                        + "than its " + Units.formatNanos(period) + " major frame") + ".", channel,
                        Literals.CHANNEL__DESTINATIONS, i, OrreryIssueCodes.REFRESH_BELOW_PERIOD);
            }
        }
    }

    @Check
    public void unconnectedPort(Port port) {
        SystemView system = system(port);
        if (system.complete() && !system.connectedPorts().contains(port)) {
            warning("Port " + q(Naming.qualified(port)) + " is not connected to any channel: connect it with a 'channel', or remove it.", port,
                    Literals.PORT__NAME, OrreryIssueCodes.UNCONNECTED_PORT);
        }
    }

    /**
     * A partition's period: declared with {@code period}, else the longest major frame among the cores it
     * has windows on in the initial plan (it runs at least once per frame).
     */
    static long partitionPeriod(SystemView system, Partition partition) {
        if (partition.getPeriod() != null) {
            return Units.nanos(partition.getPeriod());
        }
        Plan initial = system.initialPlan();
        long period = 0;
        if (initial != null) {
            for (CoreSchedule cs : system.coresOf(initial, partition)) {
                period = Math.max(period, Units.nanos(cs.getMajorFrame()));
            }
        }
        return period;
    }

    private interface EndpointVisitor {
        void visit(Port port, org.eclipse.emf.ecore.EReference feature, int index);
    }

    private static void forEachEndpoint(Channel channel, EndpointVisitor visitor) {
        if (channel.getSource() != null && !channel.getSource().eIsProxy()) {
            visitor.visit(channel.getSource(), Literals.CHANNEL__SOURCE, -1);
        }
        for (int i = 0; i < channel.getDestinations().size(); i++) {
            Port d = channel.getDestinations().get(i);
            if (!d.eIsProxy()) {
                visitor.visit(d, Literals.CHANNEL__DESTINATIONS, i);
            }
        }
    }
}
