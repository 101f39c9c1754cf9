// SPDX-License-Identifier: EPL-2.0
package org.orrery.studio.editor.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.rules.ICharacterScanner;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.IWordDetector;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.rules.WhitespaceRule;
import org.eclipse.jface.text.rules.WordRule;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.orrery.dsl.ide.OrreryLanguage;
import org.orrery.dsl.orrery.SizeUnit;
import org.orrery.dsl.orrery.TimeUnit;

/**
 * Colours code: the grammar's keywords, and numbers together with their unit ({@code 25 ms}, {@code 64 MiB})
 * as one value. Keywords and units come from the language itself, so a new keyword is coloured without
 * touching the editor.
 */
public final class OrreryCodeScanner extends RuleBasedScanner {

    static final Color KEYWORD = new Color(127, 0, 85);
    static final Color VALUE = new Color(0, 0, 192);
    static final Color COMMENT = new Color(63, 127, 95);
    static final Color STRING = new Color(42, 0, 255);

    private static volatile Set<String> keywords;

    public OrreryCodeScanner() {
        IToken keyword = new Token(new TextAttribute(KEYWORD, null, SWT.BOLD));
        IToken value = new Token(new TextAttribute(VALUE));
        // A word that is no keyword is still consumed whole (as plain text): with an undefined default the scanner
        // would retry one character later and colour keywords inside names, e.g. "on" in "fusion".
        WordRule words = new WordRule(new Words(), new Token(new TextAttribute(null)));
        for (String k : keywords()) {
            words.addWord(k, keyword);
        }
        List<IRule> rules = new ArrayList<>();
        rules.add(new WhitespaceRule(Character::isWhitespace));
        rules.add(new ValueRule(value, units()));
        rules.add(words);
        setRules(rules.toArray(IRule[]::new));
    }

    /** The grammar's word-like keywords (punctuation such as "->" or "{" is left plain). */
    public static Set<String> keywords() {
        Set<String> k = keywords;
        if (k == null) {
            Set<String> words = new TreeSet<>();
            Words detector = new Words();
            for (String s : OrreryLanguage.compiler().keywords()) {
                if (!s.isEmpty() && detector.isWordStart(s.charAt(0))
                        && s.chars().allMatch(c -> detector.isWordPart((char) c))) {
                    words.add(s);
                }
            }
            k = Set.copyOf(words);
            keywords = k;
        }
        return k;
    }

    static Set<String> units() {
        Set<String> units = new TreeSet<>();
        TimeUnit.VALUES.stream().map(Enumerator::getLiteral).forEach(units::add);
        SizeUnit.VALUES.stream().map(Enumerator::getLiteral).forEach(units::add);
        return units;
    }

    /** Identifier characters, plus '-' which the grammar's keywords use (major-frame, fixed-priority). */
    static final class Words implements IWordDetector {
        @Override
        public boolean isWordStart(char c) {
            return Character.isLetter(c) || c == '_';
        }

        @Override
        public boolean isWordPart(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '-';
        }
    }

    /** A decimal or hex number, optionally followed by a unit word: one token. */
    static final class ValueRule implements IRule {
        private final IToken token;
        private final Set<String> units;

        ValueRule(IToken token, Set<String> units) {
            this.token = token;
            this.units = units;
        }

        @Override
        public IToken evaluate(ICharacterScanner scanner) {
            int c = scanner.read();
            if (c < '0' || c > '9') {
                scanner.unread();
                return Token.UNDEFINED;
            }
            c = scanner.read();
            while (Character.isLetterOrDigit(c) || c == '_') {
                if (Character.isLetter(c) && c != 'x' && c != 'X' && !isHex(c)) {
                    break;
                }
                c = scanner.read();
            }
            scanner.unread();
            readUnit(scanner);
            return token;
        }

        private static boolean isHex(int c) {
            return (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        }

        // Consumes " <unit>" when a unit follows; otherwise puts back everything it looked at.
        private void readUnit(ICharacterScanner scanner) {
            int read = 0;
            int c = scanner.read();
            read++;
            while (c == ' ' || c == '\t') {
                c = scanner.read();
                read++;
            }
            StringBuilder word = new StringBuilder();
            while (Character.isLetter(c)) {
                word.append((char) c);
                c = scanner.read();
                read++;
            }
            boolean unit = units.contains(word.toString()) && !Character.isLetterOrDigit(c) && c != '_';
            int keep = unit ? read - 1 : 0;
            for (int i = read; i > keep; i--) {
                scanner.unread();
            }
        }
    }
}
