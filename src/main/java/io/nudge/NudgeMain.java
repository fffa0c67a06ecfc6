package io.nudge;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;

import io.nudge.lift.LiftReport;
import io.nudge.replay.CheckRulesCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Serves decisions; or, with the arguments {@code check [folder] [--replay file]...}, checks a rule
 * folder the way a reload does and replays carts through it ({@link CheckRulesCommand}); or, with
 * {@code report [events folder or files...]}, prints the lift of each rule from the events.
 */
@QuarkusMain
public class NudgeMain implements QuarkusApplication {

    @Inject
    CheckRulesCommand checkRules;

    public static void main(String... args) {
        Quarkus.run(NudgeMain.class, args);
    }

    @Override
    public int run(String... args) {
        if (args.length > 0 && args[0].equals("check")) {
            return checkRules.run(Arrays.asList(args).subList(1, args.length), System.out, System.err);
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
