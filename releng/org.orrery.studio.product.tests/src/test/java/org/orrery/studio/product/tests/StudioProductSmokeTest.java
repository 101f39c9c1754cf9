// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Starts the materialized Orrery Studio product the way the README does (Equinox launcher jar), waits for
 * its window on the display, saves a screenshot and quits it through the File menu like a user would.
 */
class StudioProductSmokeTest {

    private static final String TITLE = "Orrery Studio";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);

    private Process studio;

    @AfterEach
    void killLeftovers() {
        if (studio != null && studio.isAlive()) {
            studio.destroyForcibly();
        }
    }

    @Test
    void productOpensItsWindowAndQuitsCleanly() throws Exception {
        if (System.getenv("DISPLAY") == null) {
            fail("no DISPLAY: run the tests through ./run-tests, which provides a virtual display (Xvfb)");
        }
        Path product = Path.of(System.getProperty("orrery.product.dir"));
        Path work = Path.of(System.getProperty("orrery.smoke.dir"));
        Path workspace = work.resolve("workspace");
        deleteTree(workspace);
        Files.createDirectories(work);

        Path launcher = equinoxLauncher(product);
        Path console = work.resolve("studio-console.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        studio = new ProcessBuilder(java, "-jar", launcher.toString(), "-data", workspace.toString())
                .directory(product.toFile())
                .redirectErrorStream(true)
                .redirectOutput(console.toFile())
                .start();

        String window = awaitWindow(console);
        assertTrue(X11.windowName(window).endsWith(TITLE), "window title names the product");

        Path png = work.resolve("orrery-studio.png");
        awaitRendered(window, png);

        quitThroughFileMenu(window);
        assertEquals(0, studio.exitValue(), "Studio exit code; console:\n" + read(console));
        assertNoErrorsLogged(workspace.resolve(".metadata/.log"));
    }

    private String awaitWindow(Path console) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!studio.isAlive()) {
                fail("Studio exited with " + studio.exitValue() + " before showing a window; console:\n" + read(console));
            }
            Optional<String> id = X11.visibleWindow(TITLE);
            if (id.isPresent()) {
                return id.get();
            }
            Thread.sleep(250);
        }
        fail("no visible '" + TITLE + "' window after " + START_TIMEOUT.toSeconds() + " s; console:\n" + read(console));
        return null;
    }

    /** File > Exit via mnemonics; retried because the menu may not take keys until the window settles. */
    private void quitThroughFileMenu(String window) throws Exception {
        for (int attempt = 0; attempt < 3 && studio.isAlive(); attempt++) {
            X11.focus(window);
            X11.key("alt+f");
            Thread.sleep(500);
            X11.key("x");
            if (studio.waitFor(EXIT_TIMEOUT.toSeconds() / 3, TimeUnit.SECONDS)) {
                return;
            }
        }
        assertFalse(studio.isAlive(), "Studio did not quit through File > Exit");
    }

    /** The window is mapped before the workbench paints it: screenshot until the workbench is drawn. */
    private void awaitRendered(String window, Path png) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        int colours = 0;
        while (System.nanoTime() < deadline && studio.isAlive()) {
            X11.screenshot(window, png);
            BufferedImage image = ImageIO.read(png.toFile());
            assertTrue(image != null && image.getWidth() >= 640 && image.getHeight() >= 400, "screenshot of a real window");
            colours = distinctColours(image);
            // A blank or black window has a handful of colours; a drawn workbench (menus, icons, text) has many.
            if (colours > 32) {
                return;
            }
            Thread.sleep(500);
        }
        fail("the window never showed a rendered workbench (" + colours + " colours in " + png + ")");
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    private static void assertNoErrorsLogged(Path log) throws IOException {
        if (!Files.exists(log)) {
            return;
        }
        String text = read(log);
        // Equinox log entries: "!ENTRY <bundle> <severity> ..."; severity 4 is ERROR.
        boolean errors = text.lines().anyMatch(l -> l.matches("!ENTRY \\S+ 4 .*"));
        assertFalse(errors, "the workbench logged errors:\n" + text);
    }

    private static Path equinoxLauncher(Path product) throws IOException {
        try (Stream<Path> plugins = Files.list(product.resolve("plugins"))) {
            return plugins.filter(p -> p.getFileName().toString().matches("org\\.eclipse\\.equinox\\.launcher_.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IOException("no Equinox launcher jar in " + product + "; build the product first"));
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(no output)";
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
