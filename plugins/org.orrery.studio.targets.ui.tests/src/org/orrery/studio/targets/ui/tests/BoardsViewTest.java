// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.targets.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.expressions.EvaluationContext;
import org.eclipse.core.expressions.EvaluationResult;
import org.eclipse.core.expressions.Expression;
import org.eclipse.core.expressions.ExpressionConverter;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.studio.core.DevelopmentKeys;
import org.orrery.os.image.SigningKeys;
import org.orrery.studio.core.OrreryCore;
import org.orrery.studio.examples.Examples;
import org.orrery.studio.targets.BoardRow;
import org.orrery.studio.targets.BoardsModel;
import org.orrery.os.agent.client.BoardRegistry;
import org.orrery.os.agent.client.OrreryHome;
import org.orrery.studio.targets.FlashConfigurations;
import org.orrery.studio.targets.FlashJob;
import org.orrery.studio.targets.FlashLaunch;
import org.orrery.studio.targets.testing.FlashResults;
import org.orrery.studio.targets.testing.TestAgent;
import org.orrery.studio.targets.ui.BoardsView;
import org.orrery.studio.targets.ui.internal.AddBoardDialog;
import org.orrery.studio.targets.ui.internal.FlashLaunchShortcut;
import org.orrery.studio.testing.Projects;
import org.orrery.studio.testing.Screenshots;
import org.orrery.studio.testing.Widgets;

/**
 * The Boards view: add a board (a real agent on loopback; its key shown and trusted), flash flight-control with the
 * Flash to board launch, watch its slot go from trial to good.
 */
class BoardsViewTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int NAME = 0;
    private static final int STATUS = 2;
    private static final int RUNNING = 3;
    private static final int SLOTS = 4;
    private static final int FINGERPRINT = 5;

    private final BoardsModel model = BoardsModel.ofUser();
    private TestAgent agent;
    private IProject project;

    @TempDir
    Path boardDir;

    @AfterEach
    void cleanUp() throws Exception {
        Job.getJobManager().cancel(FlashJob.FAMILY);
        Job.getJobManager().join(FlashJob.FAMILY, null);
        if (agent != null) {
            agent.close();
        }
        for (BoardRow r : model.rows()) {
            model.remove(r.name());
        }
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        for (ILaunchConfiguration c : manager.getLaunchConfigurations(manager.getLaunchConfigurationType(FlashLaunch.TYPE_ID))) {
            c.delete();
        }
        if (project != null) {
            project.delete(true, true, null);
        }
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        if (page.findView(BoardsView.ID) != null) {
            page.hideView(page.findView(BoardsView.ID));
        }
    }

    @Test
    void addABoardFlashAProjectAndSeeItsSlotGoFromTrialToGood() throws Exception {
        DevelopmentKeys.publicKey(); // created on first use: Studio signs the image with it, the board trusts it
        agent = TestAgent.startSlotBoard(boardDir, DevelopmentKeys.directory().resolve(SigningKeys.PUBLIC_FILE), 10,
                model.identity());
        project = Projects.plain("fc-board");
        Examples.copyTo("flight-control", project, null);
        OrreryCore.addNature(project, null);
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        BoardsView view = (BoardsView) page.showView(BoardsView.ID);
        assertEquals(0, view.table().getItemCount(), "a fresh registry");

        addBoard(view.table().getShell(), "bench", agent.address());

        TableItem row = awaitRow(view, "bench", r -> r.getText(STATUS).startsWith("online"), "bench to be online");
        assertEquals(agent.fingerprint(), row.getText(FINGERPRINT));
        assertEquals("nothing running", row.getText(RUNNING));
        assertEquals("a: empty, b: empty", row.getText(SLOTS));

        ILaunchConfigurationWorkingCopy wc = DebugPlugin.getDefault().getLaunchManager()
                .getLaunchConfigurationType(FlashLaunch.TYPE_ID).newInstance(null, "fc-to-bench");
        wc.setAttribute(FlashLaunch.ATTR_PROJECT, project.getName());
        wc.setAttribute(FlashLaunch.ATTR_BOARD, "bench");
        try (FlashResults results = new FlashResults()) {
            wc.doSave().launch(ILaunchManager.RUN_MODE, null);

            row = awaitRow(view, "bench", r -> r.getText(SLOTS).contains("trial* (flight_control "),
                    "a slot on trial");
            screenshot(page, view, "orrery-boards-trial.png");
            row = awaitRow(view, "bench", r -> r.getText(SLOTS).contains("good* (flight_control "),
                    "that slot confirmed good");
            assertTrue(row.getText(SLOTS).contains("empty"), "the other slot untouched: " + row.getText(SLOTS));
            assertTrue(row.getText(RUNNING).startsWith("flight_control "), row.getText(RUNNING));
            Widgets.waitUntil(() -> !results.results().isEmpty(), TIMEOUT, "the flash job to end");
            IStatus result = results.results().get(0);
            assertTrue(result.isOK() && result.getMessage().contains("confirmed good"), result.getMessage());
        }
        screenshot(page, view, "orrery-boards-good.png");
    }

    @Test
    void renameInTheViewRenamesTheBoardInTheRegistryTheCliReads() throws Exception {
        agent = TestAgent.startSlotBoard(boardDir, signerKey(), 10, model.identity());
        model.add("bench", agent.address(), agent.fingerprint());
        BoardsView view = (BoardsView) PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage()
                .showView(BoardsView.ID);
        awaitRow(view, "bench", r -> r.getText(STATUS).startsWith("online, live"), "bench followed live");

        select(view, "bench");
        DialogAnswer answer = DialogAnswer.expect(BoardsView.RENAME_TITLE, shell -> {
            Text name = Widgets.findOne(shell, Text.class, t -> (t.getStyle() & SWT.READ_ONLY) == 0, "the name");
            assertEquals("bench", name.getText(), "the dialog starts from the board's name");
            name.setText("no spaces");
            Button ok = Widgets.findOne(shell, Button.class, Widgets.withText("OK"), "OK");
            assertTrue(!ok.isEnabled(), "the registry's name rule is said before OK");
            name.setText("lab-3");
            assertTrue(ok.isEnabled());
            click(ok);
        });
        view.action(BoardsView.RENAME).orElseThrow().run();

        assertEquals(1, answer.answered());
        TableItem row = awaitRow(view, "lab-3", r -> r.getText(STATUS).startsWith("online, live"),
                "the renamed board, followed again");
        assertEquals(agent.fingerprint(), row.getText(FINGERPRINT));
        assertTrue(find(view, "bench").isEmpty(), describe(view));
        BoardRegistry cli = new BoardRegistry(OrreryHome.dir());
        assertTrue(cli.find("bench").isEmpty());
        assertEquals(agent.address(), cli.get("lab-3").address());
    }

    @Test
    void runAsOrreryBoardAsksWhichBoardOnceFlashesAndRemembersTheChoice() throws Exception {
        agent = TestAgent.startSlotBoard(boardDir, signerKey(), 10, model.identity());
        project = Projects.plain("fc-run-as");
        Examples.copyTo("flight-control", project, null);
        OrreryCore.addNature(project, null);
        IFile system = project.getFile("system.orrery");
        IFile notes = project.getFile("NOTES.txt");
        notes.create(new java.io.ByteArrayInputStream(new byte[0]), true, null);
        IProject plain = Projects.plain("not-orrery");
        try {
            assertTrue(shortcutEnabled(system), "Run As offers it on a .orrery file");
            assertTrue(shortcutEnabled(project), "and on an Orrery project");
            assertTrue(!shortcutEnabled(notes) && !shortcutEnabled(plain), "not on other files and projects");
        } finally {
            plain.delete(true, true, null);
        }
        model.add("bench", agent.address(), agent.fingerprint());
        model.remember("spare", "127.0.0.1:9", agent.fingerprint()); // a second board: Run As must ask

        try (FlashResults results = new FlashResults()) {
            DialogAnswer chooser = DialogAnswer.expect(FlashLaunchShortcut.CHOOSER_TITLE, shell -> {
                Table boards = Widgets.findOne(shell, Table.class, t -> true, "the boards");
                assertEquals(List.of("bench", "spare"), Arrays.stream(boards.getItems()).map(TableItem::getText).toList());
                boards.setSelection(0);
                boards.notifyListeners(SWT.Selection, new Event());
                click(Widgets.findOne(shell, Button.class, Widgets.withText("OK"), "OK"));
            });
            new FlashLaunchShortcut().launch(new StructuredSelection(project), ILaunchManager.RUN_MODE);
            assertEquals(1, chooser.answered(), "asked which board");
            ILaunchConfiguration saved = FlashConfigurations.find(project);
            assertEquals("bench", saved.getAttribute(FlashLaunch.ATTR_BOARD, ""), "the choice is remembered");
            Widgets.waitUntil(() -> !results.results().isEmpty(), TIMEOUT, "the flash job to end");
            IStatus first = results.results().get(0);
            assertTrue(first.isOK() && first.getMessage().contains("confirmed good"), first.getMessage());

            // Again: the remembered board, no question.
            DialogAnswer none = DialogAnswer.expect(FlashLaunchShortcut.CHOOSER_TITLE, Shell::close);
            new FlashLaunchShortcut().launch(new StructuredSelection(project), ILaunchManager.RUN_MODE);
            Widgets.waitUntil(() -> results.results().size() == 2, TIMEOUT, "the second flash to end");
            assertEquals(0, none.answered(), "no question the second time");
            assertTrue(results.results().get(1).isOK(), results.results().get(1).getMessage());
            assertEquals(1, DebugPlugin.getDefault().getLaunchManager()
                    .getLaunchConfigurations(DebugPlugin.getDefault().getLaunchManager()
                            .getLaunchConfigurationType(FlashLaunch.TYPE_ID)).length, "one configuration, reused");
        }
    }

    /** Whether the Run As → Orrery Board shortcut's enablement accepts {@code selected} alone. */
    private static boolean shortcutEnabled(IResource selected) throws Exception {
        IConfigurationElement shortcut = Arrays.stream(Platform.getExtensionRegistry()
                .getConfigurationElementsFor("org.eclipse.debug.ui.launchShortcuts"))
                .filter(e -> "org.orrery.studio.targets.ui.flashShortcut".equals(e.getAttribute("id")))
                .findFirst().orElseThrow(() -> new AssertionError("the shortcut is not contributed"));
        IConfigurationElement enablement = shortcut.getChildren("contextualLaunch")[0].getChildren("enablement")[0];
        Expression e = ExpressionConverter.getDefault().perform(enablement);
        EvaluationContext context = new EvaluationContext(null, List.of(selected));
        context.addVariable("selection", List.of(selected));
        return e.evaluate(context) == EvaluationResult.TRUE;
    }

    private static void select(BoardsView view, String name) {
        TableItem item = find(view, name).orElseThrow();
        view.table().setSelection(item);
        view.table().notifyListeners(SWT.Selection, new Event());
        Widgets.flushEvents();
    }

    private static Path signerKey() throws java.io.IOException {
        DevelopmentKeys.publicKey(); // created on first use: Studio signs the image with it, the board trusts it
        return DevelopmentKeys.directory().resolve(SigningKeys.PUBLIC_FILE);
    }

    /** The Add dialog as a user fills it: name, address, Connect, the fingerprint shown, trust it, OK. */
    private void addBoard(Shell parent, String name, String address) {
        AddBoardDialog dialog = new AddBoardDialog(parent, model);
        dialog.setBlockOnOpen(false);
        dialog.open();
        Shell shell = dialog.getShell();
        List<Text> fields = Widgets.findAll(shell, Text.class, t -> (t.getStyle() & SWT.READ_ONLY) == 0);
        fields.get(0).setText(name);
        fields.get(1).setText(address);
        Button ok = Widgets.findOne(shell, Button.class, Widgets.withText("OK"), "OK");
        assertTrue(!ok.isEnabled(), "no OK before the key is seen and trusted");
        click(Widgets.findOne(shell, Button.class, Widgets.withText("Connect"), "Connect"));
        // read-only with a border: the title area's message is a read-only Text too, without one
        Text fingerprint = Widgets.findOne(shell, Text.class,
                t -> (t.getStyle() & SWT.READ_ONLY) != 0 && (t.getStyle() & SWT.BORDER) != 0, "fingerprint");
        Widgets.waitUntil(() -> fingerprint.getText().startsWith("SHA256:"), TIMEOUT, "the board's fingerprint");
        assertEquals(agent.fingerprint(), fingerprint.getText());
        assertTrue(!ok.isEnabled(), "no OK before the key is trusted");
        Button trust = Widgets.findOne(shell, Button.class, b -> (b.getStyle() & SWT.CHECK) != 0, "trust");
        trust.setSelection(true);
        click(trust);
        assertTrue(ok.isEnabled(), "OK once the key is trusted");
        click(ok);
        assertEquals(Dialog.OK, dialog.getReturnCode());
    }

    private static void click(Button b) {
        b.notifyListeners(SWT.Selection, new Event());
        Widgets.flushEvents();
    }

    private static TableItem awaitRow(BoardsView view, String name, java.util.function.Predicate<TableItem> wanted,
            String what) {
        Widgets.waitUntil(() -> find(view, name).filter(wanted).isPresent(), TIMEOUT,
                what + " (rows: " + describe(view) + ")");
        return find(view, name).orElseThrow();
    }

    private static Optional<TableItem> find(BoardsView view, String name) {
        return Arrays.stream(view.table().getItems()).filter(i -> i.getText(NAME).equals(name)).findFirst();
    }

    private static String describe(BoardsView view) {
        return Arrays.stream(view.table().getItems())
                .map(i -> i.getText(NAME) + " | " + i.getText(STATUS) + " | " + i.getText(SLOTS)).toList().toString();
    }

    /** The view maximised, so every column shows, then back as it was. */
    private static void screenshot(IWorkbenchPage page, BoardsView view, String file) throws Exception {
        page.toggleZoom(page.getReference(view));
        Widgets.flushEvents();
        Screenshots.save(view.table().getShell(), screenshots().resolve(file));
        page.toggleZoom(page.getReference(view));
    }

    private static Path screenshots() {
        return Path.of(System.getProperty("orrery.screenshots", "target/screenshots"));
    }
}
