package io.nudge.lift;

import static io.nudge.testing.Commands.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.nudge.decision.Fate;
import io.nudge.testing.Commands;
import io.nudge.vocabulary.NudgeType;

/** {@code ./lift-report} as an analyst runs it, against the packaged jar: the report alone on standard output. */
class LiftReportScriptIT {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    @Test
    void shouldPrintTheReportAloneOnStandardOutputAndTheLogElsewhere() throws Exception {
        Path folder = Files.createDirectories(Path.of("target/lift-report-script").toAbsolutePath());
        String rule = "Ten percent off at 75";
        Files.write(folder.resolve("events.jsonl"), List.of(
                JSON.writeValueAsString(new DecisionEvent(DecisionEvent.TYPE, "d-1", Instant.EPOCH, "v1", "s-1", new BigDecimal("40.00"),
                        "USD", List.of(rule), List.of(new Fate(rule, NudgeType.DISCOUNT, Fate.Outcome.SHOWN, null, null)), Map.of(rule, 10),
                        null, null)),
                JSON.writeValueAsString(new OutcomeEvent(OutcomeEvent.TYPE, "d-1", Instant.EPOCH, new BigDecimal("55.00"), "USD", null))));

        Commands.Run report = run(Path.of("").toAbsolutePath(), Map.of(), "./lift-report", folder.toString());

        assertThat(report.exit()).as(report.out()).isZero();
        assertThat(report.out().lines().findFirst()).hasValue("1 decisions, 1 outcomes");
        assertThat(report.out()).contains(rule).doesNotContain("WARN").doesNotContain("INFO");
    }
}
