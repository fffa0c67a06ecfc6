package io.nudge.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.nudge.testing.DecisionTables;

/**
 * Writes the workload's N "bought together" pairs as a decision table, one row per pair, for
 * bench/build to time the build of a 10,000-row table. Usage: PairWorkbook WORKLOAD_DIR N OUT.drl.xlsx
 */
public final class PairWorkbook {

    private PairWorkbook() {
    }

    public static void main(String[] args) {
        Workload.Rules rules = Workload.load(Path.of(args[0]), Integer.parseInt(args[1])).rules();
        List<String[]> rows = new ArrayList<>(List.of(
                new String[] {"RuleSet", "nudge"},
                new String[] {"Import", "io.nudge.vocabulary.*"},
                new String[] {"Variables", "io.nudge.vocabulary.Catalog catalog"},
                new String[] {},
                new String[] {"RuleTable Pairs"},
                new String[] {"NAME", "METADATA", "CONDITION", "CONDITION", "ACTION"},
                new String[] {"", "", "LineItem", "", ""},
                new String[] {"", "description(\"$param\")", "sku == \"$param\"",
                        "not LineItem( sku == \"$param\" )\n$partner : Product() from catalog.product( \"$param\" )",
                        "insert( Candidate.crossSell( $partner, \"$param\" ) );"},
                new String[] {"Rule", "What it does", "The cart has", "Offer", "Message"}));
        rules.pairs().forEach(pair -> rows.add(new String[] {"Pair " + pair.id() + ": " + pair.ifSku() + " brings " + pair.suggestSku(),
                "Generated from the pair table.", pair.ifSku(), pair.suggestSku(), "Often bought together"}));
        DecisionTables.write(Path.of(args[2]).getParent(), Path.of(args[2]).getFileName().toString(),
                DecisionTables.workbook("Pairs", rows.toArray(String[][]::new)));
    }
}
