package io.nudge.rules;

import java.util.List;

import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/** The rules of one DRL file with the lines they span, from the DRL parser. */
record RuleIndex(List<RuleDescr> rules) {

    /** The rules the parser recognises; syntax errors are left to the compiler, which reports them with their rule. */
    static RuleIndex parse(String text) {
        try {
            PackageDescr pkg = new DrlParser().parse(false, text);
            return new RuleIndex(pkg == null ? List.of() : pkg.getRules());
        } catch (DroolsParserException e) {
            return new RuleIndex(List.of());
        }
    }

    RuleDescr rule(String name) {
        return rules.stream().filter(rule -> rule.getName().equals(name)).findFirst().orElseThrow();
    }

    String ruleAt(int line) {
        return rules.stream().filter(rule -> rule.getLine() <= line && line <= rule.getEndLine())
                .map(RuleDescr::getName).findFirst().orElse(null);
    }
}
