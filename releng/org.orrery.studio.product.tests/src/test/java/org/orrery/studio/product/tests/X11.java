// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.product.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Drives the X display the way a user would, through the real X clients (xdotool, ImageMagick's import),
 * so the smoke test exercises the product exactly as it appears on screen.
 */
final class X11 {

    private X11() {
    }

    /** The id of a visible top-level window whose title contains {@code title}, if any. */
    static Optional<String> visibleWindow(String title) throws IOException, InterruptedException {
        Result r = run("xdotool", "search", "--onlyvisible", "--name", title);
        return r.out.lines().map(String::strip).filter(s -> !s.isEmpty()).findFirst();
    }

    static String windowName(String id) throws IOException, InterruptedException {
        return run("xdotool", "getwindowname", id).checked().out.strip();
    }

    static void screenshot(String windowId, java.nio.file.Path png) throws IOException, InterruptedException {
        run("import", "-window", windowId, png.toString()).checked();
    }

    static void focus(String windowId) throws IOException, InterruptedException {
        run("xdotool", "windowfocus", "--sync", windowId).checked();
    }

    static void key(String keys) throws IOException, InterruptedException {
        run("xdotool", "key", "--clearmodifiers", keys).checked();
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", command));
        }
        return new Result(List.of(command), p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private record Result(List<String> command, int exit, String out) {
        Result checked() throws IOException {
            if (exit != 0) {
                throw new IOException(String.join(" ", new ArrayList<>(command)) + " exited " + exit + ": " + out);
            }
            return this;
        }
    }
}
