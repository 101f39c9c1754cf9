// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.impl.ResourceImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.orrery.dsl.OrreryStandaloneSetup;
import org.orrery.dsl.orrery.Channel;
import org.orrery.dsl.orrery.Model;
import org.orrery.dsl.orrery.Partition;
import org.orrery.dsl.resource.OrreryResource;

import com.google.inject.Injector;

/** The language's resource spells every object's URI fragment as EMF does, before and after the model changes. */
class OrreryResourceTest {

    private static final Injector INJECTOR = new OrreryStandaloneSetup().createInjectorAndDoEMFRegistration();

    @ParameterizedTest
    @MethodSource("examples")
    void everyExamplesFragmentsAreEmfs(String example) throws IOException {
        XtextResourceSet set = INJECTOR.getInstance(XtextResourceSet.class);
        Resource r = set.getResource(URI.createFileURI(Fixtures.example(example).toAbsolutePath().toString()), true);
        EcoreUtil.resolveAll(set);
        int checked = 0;
        for (Resource loaded : List.copyOf(set.getResources())) {
            checked += assertFragmentsAsEmfWouldSpellThem(loaded);
        }
        assertTrue(checked > 50, example + ": " + checked + " objects");
        assertInstanceOf(OrreryResource.class, r);
    }

    static String[] examples() {
        return Fixtures.EXAMPLES;
    }

    @Test
    void fragmentsFollowAChangedContainment() {
        XtextResourceSet set = INJECTOR.getInstance(XtextResourceSet.class);
        Resource r = set.getResource(URI.createFileURI(Fixtures.example("flight-control").toAbsolutePath().toString()),
                true);
        Model model = (Model) r.getContents().get(0);
        Partition nav = elements(model, Partition.class).stream().filter(p -> p.getName().equals("nav")).findFirst()
                .orElseThrow();
        assertEquals("//@elements.2", r.getURIFragment(nav), "after the board and fcs");
        // Positions remembered from the first walk must not survive a change of the list they describe.
        model.getElements().remove(0);
        assertEquals("//@elements.1", r.getURIFragment(nav));
        assertFragmentsAsEmfWouldSpellThem(r);
    }

    @Test
    void aLargeModulesFragmentsStayEmfsThroughEdits() throws IOException {
        XtextResourceSet set = INJECTOR.getInstance(XtextResourceSet.class);
        Resource r = set.createResource(URI.createURI("memory:/large.orrery"));
        r.load(new ByteArrayInputStream(LargeSystemTest.module(8, 60, 300).getBytes(StandardCharsets.UTF_8)), null);
        assertInstanceOf(OrreryResource.class, r);
        assertFragmentsAsEmfWouldSpellThem(r);
        Model model = (Model) r.getContents().get(0);
        // Positions cached before these edits are stale after them: objects moved, then one new.
        EcoreUtil.remove(elements(model, Channel.class).get(150));
        model.getElements().move(model.getElements().size() - 1, 5);
        assertFragmentsAsEmfWouldSpellThem(r);
        Partition copy = EcoreUtil.copy(elements(model, Partition.class).get(30));
        copy.setName("p_new");
        model.getElements().add(0, copy);
        assertFragmentsAsEmfWouldSpellThem(r);
    }

    /** Every object's fragment equals the one EMF computes for a copy of the tree, and finds the object again. */
    private static int assertFragmentsAsEmfWouldSpellThem(Resource r) {
        EcoreUtil.Copier copier = new EcoreUtil.Copier(false);
        Resource plain = new ResourceImpl(URI.createURI("plain:/copy.orrery"));
        plain.getContents().addAll(copier.copyAll(r.getContents()));
        int checked = 0;
        for (TreeIterator<EObject> it = r.getAllContents(); it.hasNext();) {
            EObject object = it.next();
            String fragment = r.getURIFragment(object);
            assertEquals(plain.getURIFragment(copier.get(object)), fragment, object.toString());
            assertSame(object, r.getEObject(fragment), fragment);
            checked++;
        }
        return checked;
    }

    private static <T> List<T> elements(Model model, Class<T> type) {
        return model.getElements().stream().filter(type::isInstance).map(type::cast).toList();
    }
}
