// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.internal;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension3;
import org.eclipse.jface.text.IDocumentPartitioner;
import org.eclipse.jface.text.rules.EndOfLineRule;
import org.eclipse.jface.text.rules.FastPartitioner;
import org.eclipse.jface.text.rules.IPredicateRule;
import org.eclipse.jface.text.rules.MultiLineRule;
import org.eclipse.jface.text.rules.RuleBasedPartitionScanner;
import org.eclipse.jface.text.rules.SingleLineRule;
import org.eclipse.jface.text.rules.Token;

/**
 * Splits an Orrery document into code, comments and strings. Comments and strings get partitions of their own
 * so that editing inside a block comment re-colours the whole comment, not only the edited line.
 */
public final class OrreryPartitions {

    public static final String PARTITIONING = "__orrery_partitioning";
    public static final String COMMENT = "__orrery_comment";
    public static final String STRING = "__orrery_string";
    public static final String[] TYPES = {IDocument.DEFAULT_CONTENT_TYPE, COMMENT, STRING};

    private OrreryPartitions() {
    }

    /** Installs the partitioner once per document (several editors may share one file buffer). */
    public static void install(IDocument document) {
        if (!(document instanceof IDocumentExtension3 ext) || ext.getDocumentPartitioner(PARTITIONING) != null) {
            return;
        }
        IDocumentPartitioner partitioner = new FastPartitioner(scanner(), new String[] {COMMENT, STRING});
        ext.setDocumentPartitioner(PARTITIONING, partitioner);
        partitioner.connect(document);
    }

    private static RuleBasedPartitionScanner scanner() {
        Token comment = new Token(COMMENT);
        Token string = new Token(STRING);
        RuleBasedPartitionScanner scanner = new RuleBasedPartitionScanner();
        scanner.setPredicateRules(new IPredicateRule[] {
            new EndOfLineRule("//", comment),
            new MultiLineRule("/*", "*/", comment, (char) 0, true),
            new SingleLineRule("\"", "\"", string, '\\'),
            new SingleLineRule("'", "'", string, '\\'),
        });
        return scanner;
    }
}
