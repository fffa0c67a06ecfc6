package io.nudge.lift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.nudge.decision.Fate;
import io.nudge.decision.Fate.Outcome;
import io.nudge.vocabulary.NudgeType;

/** The report over generated events whose true lift is known; every generator's seed is fixed. */
class LiftReportTest {

    private static final String RULE = "Ten percent off at 75";
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    /** Writes events and reads the report's row for RULE. */
    private static final class Events {

        final List<String> lines = new ArrayList<>();
        final Random noise = new Random(42);
        int next;

        /** One decision of {@code shopper} (null: no key) where RULE's nudges met {@code fates}, then an order around {@code mean}. */
        Events decision(String shopper, double mean, int percentConfigured, Outcome... fates) throws IOException {
            String id = "d-" + next++;
            List<Fate> nudges = new ArrayList<>();
            for (Outcome fate : fates) {
                nudges.add(new Fate(RULE, NudgeType.DISCOUNT, fate, fate == Outcome.DROPPED ? Fate.Reason.REPLACED : null,
                        fate == Outcome.DROPPED ? "Another rule" : null));
            }
            lines.add(JSON.writeValueAsString(new DecisionEvent(DecisionEvent.TYPE, id, Instant.EPOCH, "v1", shopper,
                    new BigDecimal("40.00"), "USD", fates.length == 0 ? List.of() : List.of(RULE), nudges,
                    fates.length == 0 ? Map.of() : Map.of(RULE, percentConfigured), null, null)));
            BigDecimal total = BigDecimal.valueOf(mean + 10 * noise.nextGaussian()).setScale(2, RoundingMode.HALF_EVEN);
            lines.add(JSON.writeValueAsString(new OutcomeEvent(OutcomeEvent.TYPE, id, Instant.EPOCH, total, "USD", null)));
            return this;
        }

        LiftReport report(String name) throws IOException {
            Path folder = Files.createDirectories(Path.of("target/lift-report-test", name));
            Files.write(folder.resolve("events.jsonl"), lines);
            return LiftReport.read(List.of(folder));
        }

        LiftReport.RuleLift row(String name) throws IOException {
            return report(name).rows().stream().filter(r -> r.rule().equals(RULE)).findFirst().orElseThrow();
        }
    }

    /** 3,000 decisions, RULE fired in 2,000; one shopper in five held out; orders 55.00 when treated and 50.00 when held out. */
    private static Events tenPercentLift() throws IOException {
        Events events = new Events();
        for (int i = 0; i < 3_000; i++) {
            boolean fired = i < 2_000;
            boolean heldOut = i % 5 == 0;
            Outcome[] fates = !fired ? new Outcome[0] : new Outcome[] { heldOut ? Outcome.HELD_OUT : Outcome.SHOWN };
            events.decision("shopper-" + i, fired && !heldOut ? 55.0 : 50.0, 20, fates);
        }
        return events;
    }

    @Test
    void shouldCountTheShoppersAndOrdersOfEachGroup() throws IOException {
        LiftReport.RuleLift row = tenPercentLift().row("counts");

        assertThat(row.currency()).isEqualTo("USD");
        assertThat(row.treated().shoppers()).isEqualTo(1_600);
        assertThat(row.heldOut().shoppers()).isEqualTo(400);
        assertThat(row.treated().orders()).isEqualTo(1_600);
        assertThat(row.heldOut().orders()).isEqualTo(400);
        assertThat(row.firedShare()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(row.treated().mean()).isCloseTo(55.0, within(1.0));
        assertThat(row.heldOut().mean()).isCloseTo(50.0, within(1.5));
    }

    @Test
    void shouldEstimateTheLiftWithAConfidenceIntervalAroundTheTrueOne() throws IOException {
        LiftReport.RuleLift row = tenPercentLift().row("lift");

        assertThat(row.lift()).isCloseTo(0.10, within(0.03));
        assertThat(row.low()).isLessThan(0.10).isGreaterThan(0);
        assertThat(row.high()).isGreaterThan(0.10);
        // One order per shopper: the standard error is about 1.2 points, so the interval is about 4.7 points wide.
        assertThat(row.high() - row.low()).isCloseTo(0.047, within(0.01));
        assertThat(row.sampleRatioMismatch()).isFalse();
    }

    @Test
    void shouldFindNoLiftInARuleThatChangesNothingThoughArbitrationDropsItForBiggerSpenders() throws IOException {
        // Returning shoppers order 80.00 whatever happens, new ones 50.00; the rule changes nothing. For
        // returning shoppers who are not held out, another rule replaces its nudge: comparing only the
        // shoppers who saw it with those held out would make it look harmful.
        Events events = new Events();
        for (int i = 0; i < 4_000; i++) {
            boolean returning = i % 3 == 0;
            boolean heldOut = i % 5 == 0;
            Outcome fate = heldOut ? Outcome.HELD_OUT : returning ? Outcome.DROPPED : Outcome.SHOWN;
            events.decision("shopper-" + i, returning ? 80.0 : 50.0, 20, fate);
        }

        LiftReport.RuleLift row = events.row("no-effect");

        assertThat(row.low()).isLessThan(0);
        assertThat(row.high()).isGreaterThan(0);
        assertThat(row.treated().shoppers()).isEqualTo(3_200);
    }

    @Test
    void shouldCountADecisionOnceThoughTheRuleProposedTwiceAndLeaveOutShoppersWithoutAKey() throws IOException {
        Events events = tenPercentLift();
        for (int i = 0; i < 500; i++) {
            events.decision("twice-" + i, 55.0, 20, Outcome.SHOWN, Outcome.SHOWN);
            events.decision(null, 500.0, 20, Outcome.SHOWN);
        }

        LiftReport.RuleLift row = events.row("once");

        assertThat(row.treated().orders()).isEqualTo(1_600 + 500);
        assertThat(row.treated().mean()).isCloseTo(55.0, within(1.0));
    }

    @Test
    void shouldWidenTheIntervalWhenOneShoppersOrdersAreAlike() throws IOException {
        // The same 600 shoppers come back five times, each with an order size of their own.
        Events repeated = new Events();
        Events independent = new Events();
        Random shoppers = new Random(7);
        for (int s = 0; s < 600; s++) {
            boolean heldOut = s % 5 == 0;
            double own = (heldOut ? 50.0 : 55.0) + 20 * shoppers.nextGaussian();
            for (int visit = 0; visit < 5; visit++) {
                Outcome fate = heldOut ? Outcome.HELD_OUT : Outcome.SHOWN;
                repeated.decision("shopper-" + s, own, 20, fate);
                independent.decision("shopper-" + s + "-" + visit, own, 20, fate);
            }
        }

        LiftReport.RuleLift clustered = repeated.row("clustered");
        LiftReport.RuleLift naive = independent.row("naive");

        assertThat(clustered.lift()).isCloseTo(naive.lift(), within(1e-9));
        assertThat(clustered.high() - clustered.low()).isGreaterThan(1.8 * (naive.high() - naive.low()));
    }

    @Test
    void shouldWarnWhenTheGroupsAreNotTheSizesConfigured() throws IOException {
        // 20% held out, where the events say 10% was set.
        Events events = new Events();
        for (int i = 0; i < 2_000; i++) {
            events.decision("shopper-" + i, 50.0, 10, i % 5 == 0 ? Outcome.HELD_OUT : Outcome.SHOWN);
        }
        LiftReport report = events.report("mismatch");

        assertThat(report.rows()).singleElement().satisfies(row -> {
            assertThat(row.heldOutShare()).isCloseTo(0.20, within(1e-9));
            assertThat(row.configuredShare()).isCloseTo(0.10, within(1e-9));
            assertThat(row.sampleRatioMismatch()).isTrue();
        });
        assertThat(printed(report)).contains("WARNING Ten percent off at 75 (USD): 20.0% of its shoppers were held out where 10% was set");
    }

    @Test
    void shouldNotWarnWhenFrequentVisitorsSitInOneGroup() throws IOException {
        // 20% of shoppers held out, as set; but each held-out shopper comes fifty times.
        Events events = new Events();
        for (int i = 0; i < 1_000; i++) {
            boolean heldOut = i % 5 == 0;
            for (int visit = 0; visit < (heldOut ? 50 : 1); visit++) {
                events.decision("shopper-" + i, 50.0, 20, heldOut ? Outcome.HELD_OUT : Outcome.SHOWN);
            }
        }
        assertThat(events.row("frequent").sampleRatioMismatch()).isFalse();
    }

    @Test
    void shouldCountLinesWithoutWhatTheReportNeedsAsUnreadable() throws IOException {
        Events events = tenPercentLift();
        events.lines.add("{\"event\": \"outcome\", \"decisionId\": \"d-1\"}");
        events.lines.add("{\"event\": \"decision\", \"decisionId\": \"x\", \"shopper\": \"s\", \"nudges\": [{\"outcome\": \"SHOWN\"}]}");
        events.lines.add("{\"event\": \"decision\", \"decisionId\": \"y\", \"currency\": \"USD\", \"shopper\": \"s\", \"nudges\": [null]}");
        events.lines.add("{\"event\": \"decision\", \"decisionId\": \"z\", \"currency\": \"USD\", \"shopper\": \"s\", \"fired\": [null]}");

        assertThat(printed(events.report("incomplete"))).contains("4 lines unreadable");
    }

    @Test
    void shouldGiveARulesFiredShareOfTheDecisionsInItsRowsCurrency() throws IOException {
        Events events = tenPercentLift();
        for (int i = 0; i < 1_000; i++) {
            String id = "eur-" + i;
            events.lines.add(JSON.writeValueAsString(new DecisionEvent(DecisionEvent.TYPE, id, Instant.EPOCH, "v1", "euro-shopper-" + i,
                    new BigDecimal("40.00"), "EUR", List.of(), List.of(), Map.of(), null, null)));
        }

        assertThat(events.row("with-euros").firedShare()).as("2,000 of the 3,000 dollar decisions; none of the euro ones count")
                .isCloseTo(2.0 / 3, within(1e-9));
    }

    @Test
    void shouldPrintOneLinePerRuleWithTheLiftAndItsInterval() throws Exception {
        Events events = tenPercentLift();
        events.lines.add("not an event");

        assertThat(printed(events.report("printed")))
                .contains("3000 decisions, 3000 outcomes, 1 lines unreadable")
                .containsPattern("Ten percent off at 75\\s+USD\\s+66\\.7%\\s+1600\\s+5\\d\\.\\d\\d\\s+400\\s+\\d\\d\\.\\d\\d\\s+1600/400\\s+\\+\\d+\\.\\d%")
                .doesNotContain("WARNING");
    }

    private static String printed(LiftReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
