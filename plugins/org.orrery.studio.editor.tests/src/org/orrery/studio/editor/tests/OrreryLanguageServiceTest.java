// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.studio.editor.core.OrreryLanguageService;

/** The service's life: one shared server per workbench, and requests that never hang an editor. */
class OrreryLanguageServiceTest {

    @TempDir
    Path folder;

    @Test
    void anAnswerInTimeIsReturned() {
        assertEquals("hover", OrreryLanguageService.await(CompletableFuture.completedFuture("hover"),
                Duration.ofSeconds(1)));
    }

    @Test
    void aSlowRequestIsAbandonedAndCancelled() {
        CompletableFuture<String> slow = new CompletableFuture<>();
        long start = System.nanoTime();
        assertNull(OrreryLanguageService.await(slow, Duration.ofMillis(50)));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0);
        // Cancelled so that the server stops computing an answer nobody waits for.
        assertTrue(slow.isCancelled());
    }

    @Test
    void aFailedRequestAnswersNothing() {
        assertNull(OrreryLanguageService.await(CompletableFuture.failedFuture(new IllegalStateException("broken")),
                Duration.ofSeconds(1)));
    }

    @Test
    void anInterruptedWaitKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            assertNull(OrreryLanguageService.await(new CompletableFuture<String>(), Duration.ofSeconds(30)));
            assertTrue(Thread.currentThread().isInterrupted(), "the caller still sees it was interrupted");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void theSharedServiceIsStartedOnceAndAgainAfterClosing() {
        OrreryLanguageService first = OrreryLanguageService.shared(folder.toUri());
        try {
            assertSame(first, OrreryLanguageService.shared(folder.toUri()), "every editor shares one server");
        } finally {
            first.close();
        }
        OrreryLanguageService second = OrreryLanguageService.shared(folder.toUri());
        try {
            assertNotSame(first, second, "a closed service is not handed out again");
        } finally {
            second.close();
        }
    }

    @Test
    void closingAnUnsharedServiceLeavesTheSharedOneAlone() {
        OrreryLanguageService shared = OrreryLanguageService.shared(folder.toUri());
        try {
            OrreryLanguageService.start(folder.toUri()).close();
            assertSame(shared, OrreryLanguageService.shared(folder.toUri()));
        } finally {
            shared.close();
        }
    }
}
