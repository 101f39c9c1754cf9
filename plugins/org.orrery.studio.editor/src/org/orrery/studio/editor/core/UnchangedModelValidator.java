// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.OnChangeEvictingCache;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.Issue;
import org.orrery.dsl.ide.SyntaxFirstValidator;

/**
 * Answers a validation of a document whose models have not changed since its last validation with that
 * validation's issues. The language server validates a document again when it is opened although the workspace build
 * validated the same resource a moment before (every rule over the 67,000 objects of a 1,000-partition system).
 * <p>
 * "Not changed" is read from the resources' caches, which every change of a model clears (resolving a link is no
 * such change): the issues are kept with the version of every resource of the set when they were found (an object
 * each resource's cache holds until its next change; a resource loaded again is a new resource with a new one), and
 * reused only when the set's resources are at the very same versions, in the same order. A file changed elsewhere is
 * a new resource in the set (Xtext's builder loads it again, and the documents it affects with it), a document
 * edited in place a new version of its own.
 */
public class UnchangedModelValidator extends SyntaxFirstValidator {

    private static final String VERSION = UnchangedModelValidator.class.getName() + "#version";
    private static final String ISSUES = UnchangedModelValidator.class.getName() + "#issues";

    private static final AtomicLong REUSED = new AtomicLong();

    /**
     * What a validation found, and the versions of the resources of the set it found it in, in the set's order (not
     * the resources: a resource the set drops must not be kept alive by an unchanged document's cache).
     */
    private record Found(List<Issue> issues, List<Object> versions) {
    }

    @Override
    public List<Issue> validate(Resource resource, CheckMode mode, CancelIndicator cancel) {
        if (mode != CheckMode.ALL || !(resource instanceof XtextResource document)
                || !(document.getCache() instanceof OnChangeEvictingCache cache) || resource.getResourceSet() == null) {
            return super.validate(resource, mode, cancel);
        }
        Found before = cache.getOrCreate(document).get(ISSUES);
        if (before != null && before.versions().equals(versions(resource.getResourceSet().getResources()))) {
            REUSED.incrementAndGet();
            return new ArrayList<>(before.issues());
        }
        Object version = version(document);
        List<Issue> issues = super.validate(resource, mode, cancel);
        if (issues != null && !cancel.isCanceled() && version(document) == version) {
            // Validating may load the files a document imports: the set after it is the one the issues were found in.
            cache.getOrCreate(document).set(ISSUES,
                    new Found(new ArrayList<>(issues), versions(resource.getResourceSet().getResources())));
        }
        return issues;
    }

    /** How many validations were answered from an earlier one (tests and benchmarks ask). */
    public static long reused() {
        return REUSED.get();
    }

    private static List<Object> versions(List<Resource> resources) {
        List<Object> versions = new ArrayList<>(resources.size());
        for (Resource r : resources) {
            versions.add(version(r));
        }
        return versions;
    }

    /**
     * An object the resource's cache keeps until the model changes; for a resource without such a cache a fresh object
     * each time, which never equals a version taken before.
     */
    private static Object version(Resource r) {
        if (r instanceof XtextResource x && x.getCache() instanceof OnChangeEvictingCache cache) {
            return cache.get(VERSION, x, Object::new);
        }
        return new Object();
    }
}
