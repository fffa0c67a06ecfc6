package io.nudge;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;

import io.nudge.catalog.ActiveCatalog;
import io.nudge.lift.LiftReport;
import io.nudge.rules.CheckReport;
import io.nudge.rules.RuleCheck;
import io.nudge.rules.RuleCompiler;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Serves decisions; or, with the arguments {@code check [folder]}, checks a rule folder the way
 * a reload does, prints the report and exits 0 when the rules can go live, 1 when not; or, with
 * {@code report [events folder or files...]}, prints the lift of each rule from the events.
 */
@QuarkusMain
public class NudgeMain implements QuarkusApplication {

    @Inject
    RuleCheck check;
    @Inject
    ActiveCatalog catalog;

    public static void main(String... args) {
        Quarkus.run(NudgeMain.class, args);
    }

    @Override
    public int run(String... args) {
        if (args.length > 0 && args[0].equals("check")) {
            if (!RuleCompiler.available()) {
                System.err.println("This build of Nudge cannot compile rules (it is the native flavour): build it with ./mvnw package");
                return 2;
            }
            if (catalog.notServing() != null) {
                // Scenarios name products: without a catalog they fail for a reason no rule explains.
                System.out.println("WARNING: " + catalog.notServing() + "; the scenarios run with no products (see docs/catalog.md)");
            }
            CheckReport report = check.check(Path.of(args.length > 1 ? args[1] : "rules"));
            report.print(System.out);
            return report.passed() ? 0 : 1;
        }
        if (args.length > 0 && args[0].equals("report")) {
            List<Path> paths = Arrays.stream(args).skip(1).map(Path::of).toList();
            try {
                LiftReport.read(paths.isEmpty() ? List.of(Path.of("events")) : paths).print(System.out);
                return 0;
            } catch (IOException e) {
                System.err.println("Cannot read the events: " + e.getMessage());
                return 2;
            }
        }
        Quarkus.waitForExit();
        return 0;
    }
}
