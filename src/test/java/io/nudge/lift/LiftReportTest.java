package io.nudge.lift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.nudge.decision.Fate;
import io.nudge.decision.Fate.Outcome;
import io.nudge.vocabulary.NudgeType;

/**
 * The report over generated events with a known lift: orders average 50.00 when the shopper
 * was held out of "Ten percent off at 75" and 55.00 when shown it, so the true lift is +10%.
 */
class LiftReportTest {

    private static final String RULE = "Ten percent off at 75";
    private static final Path FOLDER = Path.of("target/lift-report-test");
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private static LiftReport.RuleLift row;

    @BeforeAll
    static void writeEventsAndReadThem() throws Exception {
        Files.createDirectories(FOLDER);
        Random noise = new Random(42);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            String id = "d-" + i;
            boolean fired = i < 2_000;
            // One shopper in five is held out of the rule.
            Outcome outcome = i % 5 == 0 ? Outcome.HELD_OUT : Outcome.SHOWN;
            lines.add(JSON.writeValueAsString(new DecisionEvent(DecisionEvent.TYPE, id, Instant.EPOCH, "v1", "shopper-" + i,
                    new BigDecimal("40.00"), "USD", fired ? List.of(RULE) : List.of(),
                    fired ? List.of(new Fate(RULE, NudgeType.DISCOUNT, outcome, null, null)) : List.of())));
            double mean = outcome == Outcome.SHOWN ? 55.0 : 50.0;
            BigDecimal total = BigDecimal.valueOf(mean + 10 * noise.nextGaussian()).setScale(2, RoundingMode.HALF_EVEN);
            lines.add(JSON.writeValueAsString(new OutcomeEvent(OutcomeEvent.TYPE, id, Instant.EPOCH, total, "USD", null)));
        }
        lines.add("not an event");
        Files.write(FOLDER.resolve("events.jsonl"), lines);

        row = LiftReport.read(List.of(FOLDER)).rows().stream().filter(r -> r.rule().equals(RULE)).findFirst().orElseThrow();
    }

    @Test
    void shouldCountTheShoppersShownAndHeldOut() {
        assertThat(row.currency()).isEqualTo("USD");
        assertThat(row.shown().shoppers()).isEqualTo(1_600);
        assertThat(row.heldOut().shoppers()).isEqualTo(400);
        assertThat(row.shown().orders()).isEqualTo(1_600);
        assertThat(row.heldOut().orders()).isEqualTo(400);
    }

    @Test
    void shouldEstimateTheAverageOrderValueOfEachGroup() {
        assertThat(row.shown().mean()).isCloseTo(55.0, within(1.0));
        assertThat(row.heldOut().mean()).isCloseTo(50.0, within(1.5));
    }

    @Test
    void shouldEstimateTheLiftWithAConfidenceIntervalAroundTheTrueOne() {
        assertThat(row.lift()).isCloseTo(0.10, within(0.03));
        assertThat(row.low()).isLessThan(0.10);
        assertThat(row.high()).isGreaterThan(0.10);
        // The standard error is about 1.2 points here, so the interval is about 4.7 points wide.
        assertThat(row.high() - row.low()).isCloseTo(0.047, within(0.01));
    }

    @Test
    void shouldGiveTheShareOfDecisionsInWhichTheRuleFired() {
        assertThat(row.firedShare()).isCloseTo(2.0 / 3, within(1e-9));
    }

    @Test
    void shouldPrintOneLinePerRuleWithTheLiftAndItsInterval() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LiftReport.read(List.of(FOLDER)).print(new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("3000 decisions, 3000 outcomes, 1 lines unreadable")
                .containsPattern("Ten percent off at 75\\s+USD\\s+66\\.7%\\s+1600\\s+5\\d\\.\\d\\d\\s+400\\s+\\d\\d\\.\\d\\d\\s+1600/400\\s+\\+\\d+\\.\\d%");
    }
}
