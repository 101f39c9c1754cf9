// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.orrery.dsl.orrery.Board;
import org.orrery.dsl.orrery.Bsp;
import org.orrery.dsl.orrery.Channel;
import org.orrery.dsl.orrery.CoreSchedule;
import org.orrery.dsl.orrery.Element;
import org.orrery.dsl.orrery.HardwareWatchdog;
import org.orrery.dsl.orrery.HealthMonitor;
import org.orrery.dsl.orrery.Import;
import org.orrery.dsl.orrery.MemoryRegion;
import org.orrery.dsl.orrery.Model;
import org.orrery.dsl.orrery.Partition;
import org.orrery.dsl.orrery.Plan;
import org.orrery.dsl.orrery.Port;
import org.orrery.dsl.orrery.Service;
import org.orrery.dsl.orrery.Vm;
import org.orrery.dsl.orrery.Window;

/**
 * The whole system a file belongs to: the file declaring {@code system} plus everything it imports,
 * transitively. Rules that need the complete picture (every partition has a window, memory fits the
 * board, ports are connected) ask {@link #complete()} first, because a fragment opened on its own is
 * not a system.
 */
public final class SystemView {

    private final Model root;
    private final List<Model> models;
    private final List<Board> boards = new ArrayList<>();
    private final List<Bsp> bsps = new ArrayList<>();
    private final List<MemoryRegion> regions = new ArrayList<>();
    private final List<Partition> partitions = new ArrayList<>();
    private final List<Channel> channels = new ArrayList<>();
    private final List<Plan> plans = new ArrayList<>();
    private final List<HealthMonitor> healthMonitors = new ArrayList<>();
    private final List<HardwareWatchdog> watchdogs = new ArrayList<>();
    private final List<Service> services = new ArrayList<>();
    private final List<Vm> vms = new ArrayList<>();
    private Map<Port, Channel> firstChannel;
    private Map<Partition, List<Window>> initialWindows;

    private SystemView(Model root, List<Model> models) {
        this.root = root;
        this.models = models;
        for (Model m : models) {
            for (Element e : m.getElements()) {
                if (e instanceof Board b) {
                    boards.add(b);
                } else if (e instanceof Bsp b) {
                    bsps.add(b);
                } else if (e instanceof MemoryRegion r) {
                    regions.add(r);
                } else if (e instanceof Partition p) {
                    partitions.add(p);
                } else if (e instanceof Channel c) {
                    channels.add(c);
                } else if (e instanceof Plan p) {
                    plans.add(p);
                } else if (e instanceof HealthMonitor h) {
                    healthMonitors.add(h);
                } else if (e instanceof HardwareWatchdog w) {
                    watchdogs.add(w);
                } else if (e instanceof Service s) {
                    services.add(s);
                } else if (e instanceof Vm v) {
                    vms.add(v);
                }
            }
        }
    }

    /** The system of {@code root}'s file and its imports. */
    public static SystemView of(Model root) {
        return new SystemView(root, closure(root));
    }

    /**
     * The system {@code object} belongs to: the closest file declaring {@code system} that imports (directly
     * or not) the object's file, else the object's own file.
     */
    public static SystemView containing(EObject object) {
        Model own = modelOf(object);
        if (own == null || own.getSystem() != null || own.eResource() == null) {
            return of(own);
        }
        ResourceSet set = own.eResource().getResourceSet();
        if (set != null) {
            for (Resource r : List.copyOf(set.getResources())) {
                if (r != own.eResource() && !r.getContents().isEmpty()
                        && r.getContents().get(0) instanceof Model m && m.getSystem() != null
                        && closure(m).contains(own)) {
                    return of(m);
                }
            }
        }
        return of(own);
    }

    public static Model modelOf(EObject object) {
        EObject o = object;
        while (o != null && !(o instanceof Model)) {
            o = o.eContainer();
        }
        return (Model) o;
    }

    /** Root first, then imported files depth first, each once; unresolvable imports are skipped. */
    static List<Model> closure(Model root) {
        if (root == null) {
            return List.of();
        }
        Set<Model> seen = new LinkedHashSet<>();
        Deque<Model> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Model m = todo.pop();
            if (!seen.add(m)) {
                continue;
            }
            List<Model> next = new ArrayList<>();
            for (Import i : m.getImports()) {
                Model imported = load(m, i.getImportURI());
                if (imported != null && !seen.contains(imported)) {
                    next.add(imported);
                }
            }
            Collections.reverse(next);
            next.forEach(todo::push);
        }
        return List.copyOf(seen);
    }

    /** The model an import names, or null if it cannot be loaded (reported by the import rule). */
    public static Model load(Model from, String importUri) {
        if (importUri == null || from.eResource() == null || from.eResource().getResourceSet() == null) {
            return null;
        }
        try {
            URI uri = URI.createURI(importUri);
            URI base = from.eResource().getURI();
            if (base != null && uri.isRelative() && base.isHierarchical() && !base.isRelative()) {
                uri = uri.resolve(base);
            }
            Resource r = from.eResource().getResourceSet().getResource(uri, true);
            return r != null && !r.getContents().isEmpty() && r.getContents().get(0) instanceof Model m ? m : null;
        } catch (RuntimeException e) {
            // EMF reports a missing or unreadable file as a runtime exception; the import rule names it.
            return null;
        }
    }

    public Model root() {
        return root;
    }

    public boolean complete() {
        return root != null && root.getSystem() != null;
    }

    public List<Model> models() {
        return models;
    }

    public List<Board> boards() {
        return boards;
    }

    public Board board() {
        return boards.isEmpty() ? null : boards.get(0);
    }

    public List<Bsp> bsps() {
        return bsps;
    }

    public List<MemoryRegion> regions() {
        return regions;
    }

    public List<Partition> partitions() {
        return partitions;
    }

    public List<Channel> channels() {
        return channels;
    }

    public List<Plan> plans() {
        return plans;
    }

    public List<HealthMonitor> healthMonitors() {
        return healthMonitors;
    }

    public List<HardwareWatchdog> watchdogs() {
        return watchdogs;
    }

    public List<Service> services() {
        return services;
    }

    public List<Vm> vms() {
        return vms;
    }

    public BoardFacts boardFacts() {
        return BoardFacts.of(board());
    }

    /** The plan marked {@code initial}; with a single plan, that plan. */
    public Plan initialPlan() {
        Plan only = plans.size() == 1 ? plans.get(0) : null;
        for (Plan p : plans) {
            if (p.isInitial()) {
                return p;
            }
        }
        return only;
    }

    /** Ports that are an endpoint of at least one channel. */
    public Set<Port> connectedPorts() {
        return firstChannels().keySet();
    }

    /** The first channel (in system order) that has {@code port} as an endpoint, or null. */
    public Channel firstChannelOf(Port port) {
        return firstChannels().get(port);
    }

    private Map<Port, Channel> firstChannels() {
        if (firstChannel == null) {
            Map<Port, Channel> map = new IdentityHashMap<>();
            for (Channel c : channels) {
                if (c.getSource() != null && !c.getSource().eIsProxy()) {
                    map.putIfAbsent(c.getSource(), c);
                }
                for (Port d : c.getDestinations()) {
                    if (!d.eIsProxy()) {
                        map.putIfAbsent(d, c);
                    }
                }
            }
            firstChannel = map;
        }
        return firstChannel;
    }

    private final Map<Plan, Map<Partition, List<Window>>> windowsPerPlan = new IdentityHashMap<>();

    /** Windows of each partition in {@code plan} (computed once per plan and view). */
    public Map<Partition, List<Window>> windowsOf(Plan plan) {
        return windowsPerPlan.computeIfAbsent(plan, SystemView::windowsByPartition);
    }

    /**
     * The core schedules of {@code plan} in which {@code partition} has a window, in the plan's order. Rules
     * that ask this per process or per channel would otherwise scan every window of the plan each time.
     */
    public List<CoreSchedule> coresOf(Plan plan, Partition partition) {
        return coresPerPlan.computeIfAbsent(plan, SystemView::coresByPartition).getOrDefault(partition, List.of());
    }

    private final Map<Plan, Map<Partition, List<CoreSchedule>>> coresPerPlan = new IdentityHashMap<>();

    /**
     * For each partition with a window in {@code plan}, the plan's core schedules holding one, in plan order.
     * One pass over the plan: asked per channel and per process, a scan of all 256 cores each time was a tenth
     * of validation on the 1,000-partition system.
     */
    private static Map<Partition, List<CoreSchedule>> coresByPartition(Plan plan) {
        Map<Partition, List<CoreSchedule>> map = new IdentityHashMap<>();
        if (plan == null) {
            return map;
        }
        for (CoreSchedule cs : plan.getCores()) {
            for (Window w : cs.getWindows()) {
                if (w.getPartition() != null && !w.getPartition().eIsProxy()) {
                    List<CoreSchedule> cores = map.computeIfAbsent(w.getPartition(), k -> new ArrayList<>());
                    // A core's windows come together, so its schedule is added once, when first met.
                    if (cores.isEmpty() || cores.get(cores.size() - 1) != cs) {
                        cores.add(cs);
                    }
                }
            }
        }
        map.replaceAll((partition, cores) -> Collections.unmodifiableList(cores));
        return map;
    }

    /** Windows of each partition in {@code plan}. */
    public static Map<Partition, List<Window>> windowsByPartition(Plan plan) {
        Map<Partition, List<Window>> map = new IdentityHashMap<>();
        if (plan == null) {
            return map;
        }
        for (CoreSchedule cs : plan.getCores()) {
            for (Window w : cs.getWindows()) {
                if (w.getPartition() != null && !w.getPartition().eIsProxy()) {
                    map.computeIfAbsent(w.getPartition(), k -> new ArrayList<>()).add(w);
                }
            }
        }
        return map;
    }

    /** Windows of each partition over all plans. */
    public Map<Partition, List<Window>> windowsInAnyPlan() {
        if (initialWindows == null) {
            Map<Partition, List<Window>> map = new HashMap<>();
            for (Plan p : plans) {
                windowsByPartition(p).forEach((k, v) -> map.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
            }
            initialWindows = map;
        }
        return initialWindows;
    }
}
