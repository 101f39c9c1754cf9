// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.tests;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.orrery.dsl.validation.OrreryIssueCodes;

/**
 * Reads the message templates out of Java sources. A template is one call that reports a problem (a {@link Sink}:
 * {@code error(...)}, {@code new Violation(...)}, ...) seen as the shape of its message: its string literals in
 * order, anything in place of a computed part, either branch of a conditional. A message "matches" a template when
 * it has that shape, so every fixture's expected message can be traced to the call that writes it, and a call that
 * no fixture's message traces to is a message without a fixture. Sources are read as text: comments are ignored,
 * string literals are kept, and calls are split at top-level commas and {@code +}.
 */
final class MessageTemplates {

    private static final Pattern CODE_CONSTANT = Pattern.compile("OrreryIssueCodes\\.([A-Z_]+)");
    /** A message that is passed on, not written here: written by a {@link Sink} that is scanned itself. */
    private static final Pattern RELAY = Pattern.compile("[\\w.]+\\.(message|getMessage)\\(\\)");

    /**
     * A kind of call that reports a problem. {@code messageArgs} are the arguments that make up its message;
     * {@code code} is the rule code, or null when it is the call's {@code OrreryIssueCodes} argument. A helper (a
     * method of the scanned sources) builds the rest of the message itself: its message goes on after the
     * arguments, and the calls inside its body are not templates of their own.
     */
    record Sink(Pattern call, int[] messageArgs, String code, String helper) {

        static Sink report(String method) {
            return new Sink(Pattern.compile("(?<![\\w.])" + method + "\\s*\\("), new int[] {0}, null, null);
        }

        static Sink constructor(String type, String code, int messageArg) {
            return new Sink(Pattern.compile("\\bnew\\s+" + type + "\\s*\\("), new int[] {messageArg}, code, null);
        }

        static Sink helper(String method, String code, int... messageArgs) {
            return new Sink(Pattern.compile("(?<![\\w.])" + method + "\\s*\\("), messageArgs, code, method);
        }
    }

    record Template(String code, Pattern shape, int weight, String where) {

        boolean matches(String message) {
            return shape.matcher(message).matches();
        }

        @Override
        public String toString() {
            return where + " [" + code + "] " + shape.pattern();
        }
    }

    private record Fragment(String regex, int weight) {
    }

    private MessageTemplates() {
    }

    static List<Template> scan(List<Path> files, List<Sink> sinks) throws IOException {
        List<Template> out = new ArrayList<>();
        List<String> helpers = sinks.stream().map(Sink::helper).filter(h -> h != null).toList();
        for (Path file : files) {
            JavaText text = new JavaText(Files.readString(file));
            for (Sink sink : sinks) {
                Matcher m = sink.call().matcher(text.code);
                while (m.find()) {
                    int open = m.end() - 1;
                    int at = m.start();
                    if (text.inLiteral(at) || text.isDeclaration(at) || helpers.stream().anyMatch(h -> text.inBodyOf(h, at))) {
                        continue;
                    }
                    Template t = template(sink, text.arguments(open), file.getFileName() + ":" + text.lineOf(m.start()));
                    if (t != null) {
                        out.add(t);
                    }
                }
            }
        }
        return out;
    }

    private static Template template(Sink sink, List<String> args, String where) {
        List<String> message = new ArrayList<>();
        for (int i : sink.messageArgs()) {
            if (i >= args.size()) {
                throw new AssertionError(where + ": expected the message in argument " + i + " of " + args);
            }
            message.add(args.get(i).trim());
        }
        if (message.stream().noneMatch(a -> a.contains("\""))) {
            if (message.stream().allMatch(a -> RELAY.matcher(a).matches())) {
                return null;
            }
            throw new AssertionError(where + ": cannot see the message of this call; write it here or teach MessageTemplates");
        }
        StringBuilder regex = new StringBuilder();
        int weight = 0;
        for (String arg : message) {
            Fragment f = expression(arg);
            regex.append(regex.isEmpty() ? "" : ".*").append(f.regex());
            weight += f.weight();
        }
        if (sink.helper() != null) {
            regex.append(".*");
        }
        return new Template(code(sink, args, where), Pattern.compile(regex.toString(), Pattern.DOTALL), weight, where);
    }

    private static String code(Sink sink, List<String> args, String where) {
        if (sink.code() != null) {
            return sink.code();
        }
        List<String> codes = args.stream().flatMap(a -> CODE_CONSTANT.matcher(a).results().map(r -> r.group(1))).toList();
        if (codes.size() != 1) {
            throw new AssertionError(where + ": expected one OrreryIssueCodes constant among " + args);
        }
        try {
            Field f = OrreryIssueCodes.class.getField(codes.get(0));
            return (String) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(where + ": no code " + codes.get(0), e);
        }
    }

    /** The shape of a Java string expression: literals, {@code +}, parentheses and {@code ?:}; anything else is a wildcard. */
    private static Fragment expression(String e) {
        String s = e.trim();
        int question = JavaText.topLevel(s, 0, '?');
        if (question >= 0) {
            int colon = JavaText.matchingColon(s, question);
            Fragment a = expression(s.substring(question + 1, colon));
            Fragment b = expression(s.substring(colon + 1));
            return new Fragment("(?:" + a.regex() + "|" + b.regex() + ")", Math.min(a.weight(), b.weight()));
        }
        List<String> operands = JavaText.split(s, '+');
        if (operands.size() > 1) {
            StringBuilder regex = new StringBuilder();
            int weight = 0;
            for (String operand : operands) {
                Fragment f = expression(operand);
                regex.append(f.regex());
                weight += f.weight();
            }
            return new Fragment(regex.toString(), weight);
        }
        if (JavaText.isStringLiteral(s)) {
            String literal = JavaText.unescape(s.substring(1, s.length() - 1));
            return new Fragment(Pattern.quote(literal), literal.length());
        }
        if (s.startsWith("(") && JavaText.closing(s, 0) == s.length() - 1) {
            return expression(s.substring(1, s.length() - 1));
        }
        return new Fragment(".*", 0);
    }
}
