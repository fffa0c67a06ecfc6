package io.nudge.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nudge.money.Money;
import io.nudge.vocabulary.Candidate;
import io.nudge.vocabulary.Cart;
import io.nudge.vocabulary.Catalog;

/**
 * Mistakes of a hand edit found by reading a DRL file line by line: those the DRL parser reports
 * far from where they are (an unclosed text at the end of the file, a missing {@code end} at the
 * next rule's action), and amounts and imports that compile but cannot work. The merchandiser
 * is sent to the line to fix.
 */
final class DrlLint {

    private static final Pattern RULE = Pattern.compile("^\\s*rule\\b\\s*(.*)$");
    private static final Pattern ANNOTATION = Pattern.compile("^\\s*@(\\w+)\\s*\\(");
    private static final Pattern ACTION = Pattern.compile("^\\s*(insert|insertLogical|modify|update|delete|retract)\\s*\\(");
    private static final Pattern NEW_CONDITION = Pattern.compile("^\\s*(\\$\\w+\\s*:|[A-Z]\\w*\\s*\\(|not\\b|exists\\b|forall\\b|accumulate\\b|eval\\b)");
    /** The rule attributes DRL allows between a rule's name and {@code when}. */
    private static final Set<String> ATTRIBUTES = Set.of("salience", "no-loop", "lock-on-active", "agenda-group", "activation-group",
            "ruleflow-group", "date-effective", "date-expires", "enabled", "dialect", "duration", "timer", "calendars", "auto-focus");
    private static final Pattern WILDCARD_IMPORT = Pattern.compile("^\\s*import\\s+([\\w.]+)\\.\\*\\s*;?\\s*$");
    /**
     * A {@code Threshold} factory given its amounts written out, {@code Threshold.of( $cart, "USD 35.00", ... )} or
     * {@code Threshold.nextStepAbove( $cart, $average, $standard, "USD 10", ... )}; amounts the rule computes are left to it.
     */
    private static final Pattern GOAL = Pattern.compile("Threshold\\.\\w+\\s*\\((?:\\s*\\$?\\w+\\s*,)+((?:\\s*\"[^\"]*\"\\s*,?)+)\\)");
    private static final Pattern TEXT = Pattern.compile("\"([^\"]*)\"");
    /** A line of actions that proposes a nudge: its texts are messages. */
    private static final Pattern PROPOSAL = Pattern.compile("\\b(freeShipping|discount|gift|crossSell|upsell|bundle|toNamedShopper)\\s*\\(");
    private static final Pattern ABOUT = Pattern.compile("\\.about\\s*\\(");
    private static final Pattern NAMED = Pattern.compile("toNamedShopper\\s*\\(\\s*$");
    /** A rule's message for a shopper known by name, as an annotation: {@code @named("{firstName}, ...")}. */
    private static final Pattern NAMED_ANNOTATION = Pattern.compile("@named\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w*)}");
    private static final Pattern BARE_NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    /** A product pattern with conditions of its own, {@code Product( tags contains $tag )}, up to its opening parenthesis. */
    private static final Pattern PRODUCT_PATTERN = Pattern.compile("\\bProduct\\s*\\(");
    private static final Pattern FROM_LOOK_UP = Pattern.compile("^\\s*from\\s+catalog\\s*\\.\\s*(inCategory|ofLine|boughtWith)\\b");

    private enum Part { OUTSIDE, HEADER, CONDITIONS, ACTIONS }

    private DrlLint() {
    }

    /**
     * A rule that picks products of a look-up one by one in its conditions, {@code Product( tags contains $tag ) from
     * catalog.inCategory( "..." )}: a look-up offers only its first products, so such a rule misses the rest of a large
     * category, where narrowing the look-up itself finds them at no cost.
     */
    private static List<RuleProblem> lookUpsPickedByConditions(String file, int line, String rule, String code) {
        List<RuleProblem> problems = new ArrayList<>();
        Matcher product = PRODUCT_PATTERN.matcher(code);
        while (product.find()) {
            int close = closing(code, product.end());
            Matcher lookUp = close < 0 ? null : FROM_LOOK_UP.matcher(code.substring(close + 1));
            if (lookUp != null && !code.substring(product.end(), close).isBlank() && lookUp.find()) {
                problems.add(new RuleProblem(file, line, product.start() + 1, rule, "picks products of catalog." + lookUp.group(1)
                        + "( ... ) by their own conditions, but a look-up offers only its first " + Catalog.LOOK_UP_SIZE
                        + " products in stock, so this rule misses the rest: " + (lookUp.group(1).equals("inCategory")
                                ? "narrow the look-up instead, as in Product() from catalog.inCategory( \"...\" ).tagged( $tag ),"
                                        + " .inSize( ... ) or .inAnyColorOf( ... )"
                                : "write Product() and choose the products in the feed or bought-together.csv")));
            }
        }
        return problems;
    }

    /** Where the parenthesis closes that is open just before {@code from}; -1 when not on this line. */
    private static int closing(String code, int from) {
        int depth = 1;
        boolean inText = false;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"') {
                inText = !inText;
            } else if (!inText && c == '(') {
                depth++;
            } else if (!inText && c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** A message a rule's actions give: its text, where it is, and whether it is the variant for a shopper whose name is known. */
    record Message(String file, int line, String rule, String text, boolean forNamedShopper, boolean assembled, boolean aboutAnItem) {
    }

    /** What reading a file found: errors, and warnings of what works but not as a merchandiser would expect. */
    record Findings(List<RuleProblem> errors, List<RuleProblem> warnings) {
    }

    /** Amounts, imports and messages that compile but cannot work, and look-ups picked by conditions, each at its line. */
    static Findings check(String file, String text) {
        List<RuleProblem> problems = new ArrayList<>();
        List<RuleProblem> warnings = new ArrayList<>();
        String[] lines = lines(text);
        String rule = null;
        for (int i = 0; i < lines.length; i++) {
            String code = Line.read(lines[i]).code();
            Matcher ruleLine = RULE.matcher(code);
            if (ruleLine.matches() && ruleLine.group(1).startsWith("\"")) {
                rule = ruleName(ruleLine);
            }
            problems.addAll(wildcardImport(file, i + 1, code));
            problems.addAll(goals(file, i + 1, rule, code));
            warnings.addAll(lookUpsPickedByConditions(file, i + 1, rule, code));
        }
        for (Message message : messages(file, text)) {
            problems.addAll(placeholders(message.file(), message.line(), message.rule(), message.text()));
            if (message.text().contains("{product}") && !message.aboutAnItem()) {
                problems.add(new RuleProblem(file, message.line(), 0, message.rule(), "\"" + message.text() + "\" uses {product},"
                        + " but the nudge names no cart line: add .about( $item ) for the line whose name it shows"));
            }
            if (message.assembled()) {
                problems.add(new RuleProblem(file, message.line(), 0, message.rule(), "\"" + message.text() + "\" is put together with +,"
                        + " so it cannot be translated: write the message whole, with a placeholder such as {product} or {line}"));
            }
            if (!message.forNamedShopper() && message.text().contains("{firstName}")) {
                problems.add(new RuleProblem(file, message.line(), 0, message.rule(), "\"" + message.text() + "\" uses {firstName},"
                        + " but not every shopper gives a name: write it without the name, and add the named text with"
                        + " .toNamedShopper(\"...\")"));
            }
        }
        return new Findings(problems, warnings);
    }

    /** The texts given to a nudge in the actions ({@code then} to {@code end}) of each rule of a DRL file: the messages it shows. */
    static List<Message> messages(String file, String text) {
        List<Message> messages = new ArrayList<>();
        String[] lines = lines(text);
        String rule = null;
        boolean inActions = false;
        for (int i = 0; i < lines.length; i++) {
            String code = Line.read(lines[i]).code();
            String trimmed = code.strip();
            Matcher ruleLine = RULE.matcher(code);
            Matcher namedAnnotation = NAMED_ANNOTATION.matcher(trimmed);
            if (!inActions && ruleLine.matches() && ruleLine.group(1).startsWith("\"")) {
                rule = ruleName(ruleLine);
            } else if (!inActions && namedAnnotation.matches()) {
                messages.add(new Message(file, i + 1, rule, namedAnnotation.group(1), true, false, false));
            } else if (trimmed.equals("then")) {
                inActions = true;
            } else if (trimmed.equals("end")) {
                inActions = false;
            } else if (inActions && PROPOSAL.matcher(code).find()) {
                Matcher literal = TEXT.matcher(code);
                while (literal.find()) {
                    String before = code.substring(0, literal.start()).stripTrailing();
                    String after = code.substring(literal.end()).stripLeading();
                    boolean named = NAMED.matcher(before).find();
                    // A message is a factory's last argument, or toNamedShopper's: not a sku or a category looked up on the way.
                    if (named || (before.endsWith(",") || before.endsWith("+")) && (after.startsWith(")") || after.startsWith("+"))) {
                        messages.add(new Message(file, i + 1, rule, literal.group(1), named, before.endsWith("+") || after.startsWith("+"),
                                ABOUT.matcher(code).find() || i + 1 < lines.length && ABOUT.matcher(lines[i + 1]).find()));
                    }
                }
            }
        }
        return messages;
    }

    /** Translations that use a placeholder Nudge does not fill, at their file and line. */
    static List<RuleProblem> translations(RuleSources sources) {
        List<RuleProblem> problems = new ArrayList<>();
        sources.files().forEach((name, text) -> {
            if (name.startsWith(RuleSources.MESSAGES + "/")) {
                String[] lines = text.split("\\R", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (!lines[i].strip().startsWith("#")) {
                        problems.addAll(placeholders(name, i + 1, null, lines[i]));
                    }
                }
            }
        });
        return problems;
    }

    private static List<RuleProblem> placeholders(String file, int line, String rule, String text) {
        List<RuleProblem> problems = new ArrayList<>();
        Matcher placeholder = PLACEHOLDER.matcher(text);
        while (placeholder.find()) {
            if (!Candidate.PLACEHOLDERS.contains(placeholder.group(1))) {
                problems.add(new RuleProblem(file, line, 0, rule, "{" + placeholder.group(1) + "} is not a placeholder Nudge fills:"
                        + " use {remaining}, {threshold}, {firstName}, {product} or {line}"));
            }
        }
        return problems;
    }

    /**
     * For a file the DRL parser refuses: the mistake at the line to fix, when it is one of an
     * unclosed text or parenthesis, a rule name without quotes, a misspelled {@code when}, or a
     * missing {@code then} or {@code end}. Empty otherwise, and the parser's own report stands.
     */
    static Optional<RuleProblem> syntaxMistake(String file, String text) {
        String[] lines = lines(text);
        Part part = Part.OUTSIDE;
        String rule = null;
        int lastWritten = 0;
        int depth = 0;
        int opened = 0;
        String previous = "";
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            Line read = Line.read(lines[i]);
            String code = read.code();
            String trimmed = code.strip();
            String word = trimmed.split("[\\s(]", 2)[0];
            if (read.openText()) {
                return Optional.of(new RuleProblem(file, number, 0, rule, "a text opened with \" on this line is not closed: end it with \""));
            }
            Matcher ruleLine = RULE.matcher(code);
            boolean startsRule = ruleLine.matches() && (part != Part.ACTIONS || ruleLine.group(1).startsWith("\""));
            if (startsRule && part != Part.OUTSIDE) {
                return Optional.of(missing(file, lastWritten + 1, rule, part));
            } else if (startsRule) {
                if (!ruleLine.group(1).startsWith("\"")) {
                    return Optional.of(new RuleProblem(file, number, 0, null,
                            "a rule's name is written in double quotes: rule \"" + ruleLine.group(1).strip() + "\""));
                }
                rule = ruleName(ruleLine);
                part = Part.HEADER;
            } else if (part == Part.HEADER && !trimmed.isEmpty()) {
                Matcher annotation = ANNOTATION.matcher(code);
                if (annotation.find() && read.balance() > 0) {
                    return Optional.of(new RuleProblem(file, number, 0, rule, "@" + annotation.group(1) + "( is not closed: end it with )"));
                }
                if (word.equals("when")) {
                    part = Part.CONDITIONS;
                    depth = read.balance();
                    opened = number;
                } else if (!trimmed.startsWith("@") && !ATTRIBUTES.contains(word)) {
                    return Optional.of(new RuleProblem(file, number, 0, rule, "\"" + word
                            + "\" is not expected here: after a rule's name and its @annotations comes when, then the conditions"));
                }
            } else if (part == Part.CONDITIONS && !trimmed.isEmpty()) {
                if (ACTION.matcher(code).find() || word.equals("end")) {
                    return Optional.of(missing(file, lastWritten + 1, rule, part));
                }
                boolean startsAnew = word.equals("then") || NEW_CONDITION.matcher(code).find() && previous.matches(".*[\\w)\"]$");
                if (startsAnew && depth > 0) {
                    return Optional.of(new RuleProblem(file, opened, 0, rule, "a ( opened on this line is not closed: end it with )"));
                }
                if (word.equals("then")) {
                    part = Part.ACTIONS;
                } else {
                    int after = depth + read.balance();
                    if (after > depth) {
                        opened = number;
                    }
                    depth = after;
                }
            } else if (part == Part.ACTIONS && word.equals("end")) {
                part = Part.OUTSIDE;
                rule = null;
            }
            if (!trimmed.isEmpty()) {
                lastWritten = number;
                previous = trimmed;
            }
        }
        return part == Part.OUTSIDE ? Optional.empty() : Optional.of(missing(file, lastWritten + 1, rule, part));
    }

    /** The name in a line {@code rule "Free shipping" ...}. */
    private static String ruleName(Matcher ruleLine) {
        return ruleLine.group(1).substring(1).replaceAll("\".*$", "");
    }

    /** The keyword a rule lacks at {@code line}: {@code then} after its conditions, or {@code end} after its actions. */
    private static RuleProblem missing(String file, int line, String rule, Part part) {
        return new RuleProblem(file, line, 0, rule, switch (part) {
            case HEADER -> "when is missing: a rule reads rule \"name\", when, its conditions, then, its actions, end";
            case CONDITIONS -> "then is missing: write then on this line, between the conditions and the actions";
            default -> "end is missing: write end on this line, after the rule's last action";
        });
    }

    /** A wildcard import must name a package that exists: the rules' vocabulary or one of Java's own. */
    private static List<RuleProblem> wildcardImport(String file, int line, String code) {
        Matcher imported = WILDCARD_IMPORT.matcher(code);
        if (!imported.matches()) {
            return List.of();
        }
        String name = imported.group(1);
        boolean exists = name.equals(Cart.class.getPackageName())
                || ModuleLayer.boot().modules().stream().anyMatch(module -> module.getPackages().contains(name));
        return exists ? List.of() : List.of(new RuleProblem(file, line, 0, null, "import " + name
                + ".* names no package the rules can use: check its spelling (the rules' words are in io.nudge.vocabulary)"));
    }

    /**
     * Each amount a {@code Threshold} factory is given must read as one, with its currency:
     * "USD 35.00". A bare "75.00" would apply to no cart.
     */
    private static List<RuleProblem> goals(String file, int line, String rule, String code) {
        List<RuleProblem> problems = new ArrayList<>();
        Matcher goal = GOAL.matcher(code);
        while (goal.find()) {
            Matcher text = TEXT.matcher(goal.group(1));
            while (text.find()) {
                if (BARE_NUMBER.matcher(text.group(1).strip()).matches()) {
                    problems.add(new RuleProblem(file, line, 0, rule, "\"" + text.group(1) + "\" has no currency: write one amount"
                            + " for each currency the shop sells in, such as \"USD " + text.group(1).strip() + "\", \"EUR "
                            + text.group(1).strip() + "\"; a cart in a currency not named gets no nudge from this rule"));
                } else if (Money.amountOrNull(text.group(1)) == null) {
                    problems.add(new RuleProblem(file, line, 0, rule, "\"" + text.group(1)
                            + "\" is not an amount: write a currency in use and a number with a decimal point, with no more decimals than"
                            + " the currency has, such as \"USD 35.00\" or \"JPY 5000\""));
                }
            }
        }
        return problems;
    }

    /** The lines of a DRL file, with block comments blanked out (their line breaks kept, so lines keep their numbers). */
    private static String[] lines(String text) {
        StringBuilder code = new StringBuilder(text.length());
        boolean inText = false;
        boolean inComment = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (inComment) {
                if (c == '*' && next == '/') {
                    inComment = false;
                    code.append("  ");
                    i++;
                } else {
                    code.append(c == '\n' || c == '\r' ? c : ' ');
                }
            } else if (!inText && c == '/' && next == '*') {
                inComment = true;
                code.append("  ");
                i++;
            } else if (!inText && c == '/' && next == '/') {
                // A line comment runs to the end of its line, and a /* in it opens nothing.
                int end = text.indexOf('\n', i);
                end = end < 0 ? text.length() : end;
                code.append(text, i, end);
                i = end - 1;
            } else {
                if (c == '\\' && inText && next != 0) {
                    code.append(c).append(next);
                    i++;
                    continue;
                }
                if (c == '"') {
                    inText = !inText;
                } else if (c == '\n') {
                    inText = false;
                }
                code.append(c);
            }
        }
        return code.toString().split("\\R", -1);
    }

    /**
     * One line read as DRL does: its code without a trailing {@code //} comment, whether a text
     * ({@code "..."}) is left open at its end, and its opening minus closing parentheses outside texts.
     */
    private record Line(String code, boolean openText, int balance) {

        static Line read(String line) {
            boolean inText = false;
            int balance = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\\' && inText) {
                    i++;
                } else if (c == '"') {
                    inText = !inText;
                } else if (!inText && c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                    return new Line(line.substring(0, i), false, balance);
                } else if (!inText && c == '(') {
                    balance++;
                } else if (!inText && c == ')') {
                    balance--;
                }
            }
            return new Line(line, inText, balance);
        }
    }
}
