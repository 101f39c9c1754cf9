// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.core;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.notify.NotificationChain;
import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.InternalEObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.util.InternalEList;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.impl.ListBasedDiagnosticConsumer;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.OnChangeEvictingCache;
import org.eclipse.xtext.util.Triple;
import org.orrery.dsl.linking.SubtreeLinker;
import org.orrery.dsl.resource.OrreryResource;

/**
 * The language server's resource. On every keystroke Xtext's builder drops the old version of the document and
 * unloads it, and EMF's unload turns every object (~67,000 on a 1,000-partition system) into a proxy: a URI
 * fragment each (an {@code indexOf} in its container's list, quadratic over 10,000 channels) plus a grown field
 * array. Proxies only matter for objects that other loaded resources still point at, so that those references
 * resolve to the new version; every other object of the old version is garbage. This resource proxifies exactly
 * the objects other resources of its set reference and leaves the rest alone.
 * <p>
 * When a keystroke's partial re-parse replaced one object that no scope can see (see
 * {@link LocalPartialParsing.Replacement#invisibleToScopes}), only that object's references are linked
 * ({@link SubtreeLinker}); every other reference keeps its target, and unresolved ones stay pending, resolved again
 * (and reported again) with the new ones. And the cross-references are walked once per version of the model: the
 * builder, the validator and the index each ask for all of them to be resolved, and after the first complete pass
 * there is nothing left that could resolve.
 */
public class ReplaceableResource extends OrreryResource {

    /** How an update linked the model: all of it (Xtext's way), or the replaced object alone. */
    public enum Linking {
        WHOLE, SUBTREE
    }

    private static final String ALL_RESOLVED = ReplaceableResource.class.getName() + "#allResolved";
    // In the resource's cache (cleared by every change of the model): the model is as the last link left it.
    private static final String AS_LINKED = ReplaceableResource.class.getName() + "#asLinked";
    private static final int MAX_LINK_TABLE_GROWTH = 10_000;

    private volatile Linking lastLinking = Linking.WHOLE;
    // During an update: the replacement to link alone, or null for a whole-model link.
    private EObject linkAlone;
    // During an update: the model was changed by other means since its last link, so it is linked whole.
    private boolean changedSinceLinked;
    private int linkTableAfterWholeLink;
    // The exported objects of this version, kept through updates linked alone (same objects, names and places).
    private List<IEObjectDescription> exports;
    // Whether a link resolved into another resource since the last whole link.
    private volatile boolean linksOutside;

    // The builder removes the resource from its set before unloading it, so the set is remembered here.
    private ResourceSet lastSet;
    // Objects to proxify during the current unload; null outside an unload.
    private Set<EObject> referencedFromOutside;

    @Override
    public NotificationChain basicSetResourceSet(ResourceSet resourceSet, NotificationChain notifications) {
        if (resourceSet != null) {
            lastSet = resourceSet;
        }
        return super.basicSetResourceSet(resourceSet, notifications);
    }

    @Override
    protected void doUnload() {
        forgetExports();
        referencedFromOutside = lastSet == null ? Set.of() : referencedFrom(List.copyOf(lastSet.getResources()));
        try {
            super.doUnload();
        } finally {
            referencedFromOutside = null;
        }
    }

    // EMF walks the old version only to proxify it; with nothing to proxify the walk itself is the cost.
    @Override
    protected TreeIterator<EObject> getAllProperContents(List<EObject> contents) {
        if (referencedFromOutside != null && referencedFromOutside.isEmpty()) {
            return EcoreUtil.getAllProperContents(List.of(), false);
        }
        return super.getAllProperContents(contents);
    }

    @Override
    protected void unloaded(InternalEObject object) {
        if (referencedFromOutside == null || referencedFromOutside.contains(object)) {
            super.unloaded(object);
        }
    }

    @Override
    protected void updateInternalState(IParseResult oldParseResult, IParseResult newParseResult) {
        LocalPartialParsing.Replacement replaced = LocalPartialParsing.takeReplacement(newParseResult);
        linkAlone = !changedSinceLinked && replaced != null && replaced.invisibleToScopes() ? replaced.replacement()
                : null;
        try {
            super.updateInternalState(oldParseResult, newParseResult);
        } finally {
            linkAlone = null;
        }
    }

    @Override
    protected void doLinking() {
        // Xtext's table of pending links only grows until the next whole link, and its entries keep replaced
        // objects alive: a long run of edits linked alone ends with a whole link.
        if (linkAlone == null || !(getLinker() instanceof SubtreeLinker linker)
                || getLazyProxyInformation().size() > linkTableAfterWholeLink + MAX_LINK_TABLE_GROWTH) {
            lastLinking = Linking.WHOLE;
            forgetExports();
            linksOutside = false;
            super.doLinking();
            linkTableAfterWholeLink = getLazyProxyInformation().size();
            mark(AS_LINKED);
            return;
        }
        ListBasedDiagnosticConsumer consumer = new ListBasedDiagnosticConsumer();
        linker.linkSubtree(linkAlone, consumer);
        if (!isValidationDisabled()) {
            getErrors().addAll(consumer.getResult(Severity.ERROR));
            getWarnings().addAll(consumer.getResult(Severity.WARNING));
        }
        lastLinking = Linking.SUBTREE;
        mark(AS_LINKED);
    }

    /**
     * The objects this document exports to the index: those {@code compute} gives for this version of the model,
     * computed once and kept through later updates linked alone, which change no exported object, name or place.
     * Any other change of the model (a rename through the model, as refactorings make) evicts the resource's cache,
     * and with it the mark that the model is as linked: then they are computed again.
     */
    synchronized List<IEObjectDescription> exports(Supplier<List<IEObjectDescription>> compute) {
        if (exports == null || !cached(AS_LINKED)) {
            exports = compute.get();
        }
        return exports;
    }

    private synchronized void forgetExports() {
        exports = null;
    }

    // Loading links the model whole and then tells its adapters that the resource is loaded, which clears the cache:
    // the model is still as linked.
    @Override
    public void eNotify(Notification notification) {
        super.eNotify(notification);
        if (notification.getNotifier() == this && notification.getFeatureID(Resource.class) == RESOURCE__IS_LOADED
                && notification.getNewBooleanValue() && getParseResult() != null) {
            mark(AS_LINKED);
        }
    }

    @Override
    public void update(int offset, int replacedTextLength, String newText) {
        // The update clears the cache itself, so whether anything else changed the model is asked before it.
        changedSinceLinked = !cached(AS_LINKED);
        try {
            super.update(offset, replacedTextLength, newText);
        } finally {
            changedSinceLinked = false;
        }
    }

    /** Whether some link of this document resolved into another resource since the model was last linked whole. */
    boolean linksOutside() {
        return linksOutside;
    }

    @Override
    protected EObject getEObject(String uriFragment, Triple<EObject, EReference, INode> triple) {
        EObject target = super.getEObject(uriFragment, triple);
        if (target != null && target.eResource() != this) {
            linksOutside = true;
        }
        return target;
    }

    /** How the last update (or load) linked the model (tests and benchmarks ask). */
    public Linking lastLinking() {
        return lastLinking;
    }

    // The flag lives in the resource's cache, which every change of the model (and every update) clears; resolving
    // a proxy is not such a change, and references that did not resolve in a complete pass cannot resolve before one.
    @Override
    public void resolveLazyCrossReferences(CancelIndicator monitor) {
        if (cached(ALL_RESOLVED)) {
            return;
        }
        super.resolveLazyCrossReferences(monitor);
        mark(ALL_RESOLVED);
    }

    /** Whether the resource's cache holds {@code key}: nothing changed the model since it was {@link #mark}ed. */
    private boolean cached(String key) {
        return getCache() instanceof OnChangeEvictingCache cache && cache.getOrCreate(this).get(key) != null;
    }

    private void mark(String key) {
        if (getCache() instanceof OnChangeEvictingCache cache) {
            cache.getOrCreate(this).set(key, Boolean.TRUE);
        }
    }

    // During an unload the contents are being taken apart and EMF names the objects from its own list of them.
    @Override
    public String getURIFragment(EObject object) {
        return referencedFromOutside != null ? emfFragment(object) : super.getURIFragment(object);
    }

    /** Whether another loaded resource of this resource's set points at any object of this one. */
    boolean referencedFromOtherResources() {
        ResourceSet set = getResourceSet();
        return set != null && !referencedFrom(List.copyOf(set.getResources())).isEmpty();
    }

    /** Our objects that loaded {@code others} point at, read without resolving any proxy. */
    private Set<EObject> referencedFrom(List<Resource> others) {
        Set<EObject> targets = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Resource other : others) {
            if (other == this || !other.isLoaded()) {
                continue;
            }
            for (TreeIterator<EObject> all = EcoreUtil.getAllProperContents(other, false); all.hasNext();) {
                @SuppressWarnings("unchecked")
                InternalEList<EObject> refs = (InternalEList<EObject>) all.next().eCrossReferences();
                for (Iterator<EObject> it = refs.basicIterator(); it.hasNext();) {
                    EObject target = it.next();
                    if (!target.eIsProxy() && target.eResource() == this) {
                        targets.add(target);
                    }
                }
            }
        }
        return targets;
    }
}
