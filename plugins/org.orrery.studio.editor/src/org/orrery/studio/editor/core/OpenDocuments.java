// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;

import com.google.inject.Singleton;

/**
 * What the language server's builder needs to update an open document's resource in place instead of parsing it
 * again: the text edits received since the builder last looked, in the order they were made, and the text they
 * lead to. Written by the request that receives a change, read by the build that follows it (another thread; a
 * build may also be cancelled and its files built again later, so the current text is always kept).
 */
@Singleton
public class OpenDocuments {

    /** One replacement, its offsets in the text as it was just before this edit. */
    public record Edit(int offset, int length, String text) {
    }

    /** The edits made since the last {@link #take} and the text of the document after them. */
    public record Changes(List<Edit> edits, String text) {
    }

    private final Map<URI, String> texts = new HashMap<>();
    private final Map<URI, List<Edit>> pending = new HashMap<>();

    public synchronized void opened(URI uri, String text) {
        texts.put(uri, text);
        pending.put(uri, new ArrayList<>());
    }

    public synchronized void changed(URI uri, List<Edit> edits, String text) {
        texts.put(uri, text);
        pending.computeIfAbsent(uri, u -> new ArrayList<>()).addAll(edits);
    }

    public synchronized void closed(URI uri) {
        texts.remove(uri);
        pending.remove(uri);
    }

    /** The changes of the open document {@code uri} not taken yet (and forgets them), null if it is not open. */
    public synchronized Changes take(URI uri) {
        String text = texts.get(uri);
        if (text == null) {
            return null;
        }
        List<Edit> edits = pending.put(uri, new ArrayList<>());
        return new Changes(edits == null ? List.of() : List.copyOf(edits), text);
    }
}
