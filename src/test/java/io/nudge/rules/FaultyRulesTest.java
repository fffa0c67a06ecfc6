package io.nudge.rules;

import static io.nudge.testing.NudgeApi.decide;
import static io.nudge.testing.NudgeApi.explain;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.nudge.testing.EventFile;
import io.nudge.testing.Metrics;
import io.nudge.testing.RuleThreads;
import io.nudge.testing.ScratchRules;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The service serving the test rules plus rules broken on purpose (faulty-rules/faulty.drl). */
@QuarkusTest
@TestProfile(FaultyRulesTest.WithFaultyRules.class)
class FaultyRulesTest {

    static final Path FOLDER = ScratchRules.folder("faulty");

    public static class WithFaultyRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // One I/O thread: were a blocking rule to hold it, nothing else would be answered. Two decision threads and a queue
            // of two: a few blocking carts fill both. A rule is quarantined at its fourth overrun in one version of the rules.
            return Map.of("nudge.rules.dir", FOLDER.toString(), "nudge.rules.reload", "manual",
                    "nudge.decision.max-firings", "100", "nudge.decision.time-budget", "500ms",
                    "nudge.decision.deadline", "3s", "quarkus.vertx.event-loops-pool-size", "1",
                    "nudge.decision.threads", "2", "nudge.decision.queue", "2", "nudge.decision.quarantine-after", "4");
        }
    }

    @BeforeEach
    void serveTheTestAndTheFaultyRules() throws IOException {
        ScratchRules.reset(FOLDER);
        ScratchRules.write(FOLDER, "faulty.drl", Files.readString(Path.of("src/test/resources/faulty-rules/faulty.drl")));
        ScratchRules.reload().statusCode(200);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource({
            "FAILS-THEN, A rule whose consequence throws, consequence-failed",
            "OVERFLOWS,  A rule whose consequence overflows the stack, consequence-failed",
            "ERRS-WHEN,  unknown, condition-failed",
            "FAILS-WHEN, A rule whose condition throws, condition-failed",
            "FAILS-FROM, unknown, condition-failed",
            "LOOPS,      A rule that keeps re-activating itself, firing-cap",
            "STALLS,     A rule that takes its time, time-budget"})
    void shouldAnswerAroundAFaultyRuleAndCountTheFault(String sku, String rule, String kind) {
        explain(cartWith(sku))
                .statusCode(200)
                .body("explanation.fault.kind", equalTo(kind.toUpperCase().replace('-', '_')));

        when().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("nudge_rule_faults_total{kind=\"" + kind + "\",rule=\"" + rule + "\"}"));
    }

    @Test
    void shouldKeepTheNudgesOfTheRulesThatFiredBeforeTheFault() {
        explain(cartWith("FAILS-THEN"))
                .statusCode(200)
                .body("nudges.rule", hasItem("Free shipping from 35"))
                .body("explanation.fault.rule", equalTo("A rule whose consequence throws"));
    }

    @Test
    void shouldAnswerWithoutNudgesAtTheDeadlineWhileARuleBlocksAndKeepServingMeanwhile() {
        double abandoned = Metrics.value("nudge_decisions_abandoned_total");
        CompletableFuture<ExtractableResponse<Response>> blocked = CompletableFuture.supplyAsync(
                () -> decide(cartWith("BLOCKS")).extract());
        await().until(() -> RuleThreads.aRuleIsParked() || blocked.isDone());

        // Health and other carts are answered by the one I/O thread while the rule holds a worker.
        when().get("/q/health/live").then().statusCode(200);
        decide(cartWith("NOTHING-ODD")).statusCode(200).body("nudges.rule", hasItem("Free shipping from 35"));
        assertThat(blocked).as("the blocking decision is still running").isNotDone();

        ExtractableResponse<Response> answer = blocked.join();
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.jsonPath().getList("nudges")).as("the same cart gets free shipping when no rule blocks").isEmpty();
        assertThat(answer.jsonPath().getString("currency")).isEqualTo("USD");
        assertThat(Metrics.value("nudge_decisions_abandoned_total")).isEqualTo(abandoned + 1);
        assertThat(EventFile.awaitEvent("decision", answer.jsonPath().getString("decisionId")).path("abandoned").asText())
                .as("the answer is recorded like any other, so the order posted for it finds its decision").isEqualTo("deadline");
    }

    @Test
    void shouldAnswerAtOnceWithoutNudgesWhileEveryDecisionThreadIsHeldAndTheQueueIsFullAndRecordIt() {
        // Another test's blocking rule may still hold a thread, or its spare thread still run.
        await().atMost(Duration.ofSeconds(15)).until(() -> RuleThreads.parkedRules() == 0 && Metrics.value("nudge_decision_threads") == 2);
        double abandoned = Metrics.value("nudge_decisions_abandoned_total");
        // Two carts whose rule blocks hold both decision threads for ten seconds; two more wait in the queue of two, until spare
        // threads take them at the blocked ones' deadline.
        List<CompletableFuture<ExtractableResponse<Response>>> held = new ArrayList<>();
        List<ExtractableResponse<Response>> atOnce = new ArrayList<>();
        List<String> logged = logged(() -> {
            for (int i = 0; i < 2; i++) {
                held.add(CompletableFuture.supplyAsync(() -> decide(cartWith("BLOCKS")).extract()));
            }
            await().until(() -> RuleThreads.parkedRules() == 2);
            for (int i = 0; i < 2; i++) {
                held.add(CompletableFuture.supplyAsync(() -> decide(cartWith("NOTHING-ODD")).extract()));
            }
            await().until(() -> Metrics.value("nudge_decisions_queued") == 2);
            atOnce.add(decide(cartWith("NOTHING-ODD")).statusCode(200).extract());
            assertThat(held).as("answered before the deadline of those that wait").allMatch(waiting -> !waiting.isDone());
            held.forEach(CompletableFuture::join);
        });

        ExtractableResponse<Response> answer = atOnce.get(0);
        assertThat(answer.jsonPath().getList("nudges")).isEmpty();
        assertThat(EventFile.awaitEvent("decision", answer.jsonPath().getString("decisionId")).path("abandoned").asText())
                .isEqualTo("queue-full");

        assertThat(held.subList(0, 2)).allSatisfy(blocked -> assertThat(blocked.join().jsonPath().getList("nudges")).isEmpty());
        assertThat(held.subList(2, 4)).as("decided by spare threads before their own deadline")
                .allSatisfy(waited -> assertThat(waited.join().jsonPath().getList("nudges.rule")).contains("Free shipping from 35"));
        assertThat(Metrics.value("nudge_decisions_abandoned_total")).as("the full queue's answer and the two blocked at the deadline")
                .isEqualTo(abandoned + 3);
        assertThat(logged).as("three answers without nudges, said at most once a minute")
                .filteredOn(line -> line.contains("answered without nudges since the last such line")).hasSizeLessThanOrEqualTo(1);
        // The rules that block let their threads go before the next test.
        await().atMost(Duration.ofSeconds(15)).until(() -> RuleThreads.parkedRules() == 0 && Metrics.value("nudge_decisions_queued") == 0);
    }

    @Test
    void shouldReplaceTheThreadsARuleHoldsAndQuarantineTheRuleAtItsFourthOverrun() throws IOException {
        await().atMost(Duration.ofSeconds(15)).until(() -> RuleThreads.parkedRules() == 0 && Metrics.value("nudge_decision_threads_held") == 0);
        // A version of its own, so that overruns are counted from nothing.
        ScratchRules.write(FOLDER, "runaway.drl", """
                package nudge;
                import io.nudge.vocabulary.*;
                import java.util.concurrent.locks.LockSupport;

                rule "A rule that waits for a service that is down"
                    @description("Holds its thread twelve seconds, past the deadline.")
                    salience 100
                when
                    exists LineItem( sku == "RUNAWAY" )
                then
                    long until = System.nanoTime() + 12_000_000_000L;
                    while ( System.nanoTime() < until ) {
                        LockSupport.parkNanos( until - System.nanoTime() );
                    }
                end
                """);
        ScratchRules.reload().statusCode(200);
        String rule = "A rule that waits for a service that is down";

        // Both decision threads held past the deadline: two overruns, and two spare threads in their place.
        List<CompletableFuture<ExtractableResponse<Response>>> runaways = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runaways.add(CompletableFuture.supplyAsync(() -> decide(cartWith("RUNAWAY")).extract()));
        }
        runaways.forEach(CompletableFuture::join);
        await().until(() -> Metrics.value("nudge_decision_threads_held") == 2);
        decide(cartWith("NOTHING-ODD")).statusCode(200).body("nudges.rule", hasItem("Free shipping from 35"));

        // Two more overruns on the spare threads: the fourth quarantines the rule.
        runaways.clear();
        for (int i = 0; i < 2; i++) {
            runaways.add(CompletableFuture.supplyAsync(() -> decide(cartWith("RUNAWAY")).extract()));
        }
        runaways.forEach(CompletableFuture::join);
        await().until(() -> Metrics.value("nudge_decision_threads_held") == 4);
        when().get("/v1/rules").then().statusCode(200).body("quarantined", contains(rule));
        assertThat(Metrics.value("nudge_rules_quarantined_total{rule=\"" + rule + "\"}")).isEqualTo(1);
        await().untilAsserted(() -> assertThat(EventFile.events(EventFile.PATH, "rules")).anySatisfy(event -> {
            assertThat(event.path("action").asText()).isEqualTo("QUARANTINED");
            assertThat(event.path("rule").asText()).isEqualTo(rule);
        }));

        // The rule fires no more, and a spare thread is still free: the same cart is answered at once, with its nudges.
        explain(cartWith("RUNAWAY")).statusCode(200)
                .body("nudges.rule", hasItem("Free shipping from 35"))
                .body("explanation.fired.rule", not(hasItem(rule)));

        // Once the rule lets its threads go, the pool is back to its size; a reload brings the rule back.
        await().atMost(Duration.ofSeconds(20)).until(() -> RuleThreads.parkedRules() == 0 && Metrics.value("nudge_decision_threads_held") == 0
                && Metrics.value("nudge_decision_threads") == 2);
        serveTheTestAndTheFaultyRules();
        when().get("/v1/rules").then().statusCode(200).body("quarantined", empty());
    }

    @Test
    void shouldRefuseRulesWhoseScenarioMeetsAFault() {
        ScratchRules.write(FOLDER, "scenarios/faulty.yaml", """
                - name: A cart the faulty rule fails on
                  cart: {currency: USD, items: [{sku: FAILS-THEN, quantity: 1, price: 1.00}]}
                """);

        ScratchRules.reload()
                .statusCode(422)
                .body("attempt.failedScenarios[0].failures[0]",
                        startsWith("on this cart rule \"A rule whose consequence throws\" cut the decision short: consequence-failed,"
                        + " IllegalStateException: failing on purpose"));
    }

    @Test
    void shouldLogTheFaultWithoutTheShoppersPersonalData() throws IOException {
        // A new rules version, so the fault is logged again: faults are logged once per version.
        ScratchRules.write(FOLDER, "faulty.drl", Files.readString(Path.of("src/test/resources/faulty-rules/faulty.drl"))
                + "\n// " + UUID.randomUUID());
        ScratchRules.reload().statusCode(200);
        List<String> logged = logged(() -> {
            decide(SHOPPER_ZELINDA.formatted("FAILS-THEN", "1.00")).statusCode(200);
            decide(SHOPPER_ZELINDA.formatted("FAILS-THEN", "\"one\"")).statusCode(400);
            decide(SHOPPER_ZELINDA.formatted("FAILS-THEN", "1.00").replace("}}", "")).statusCode(400);
        });

        assertThat(logged).anyMatch(line -> line.contains("A rule whose consequence throws"))
                .noneMatch(line -> line.contains("Zelindra") || line.contains("shopper-8841"));
    }

    private static final String SHOPPER_ZELINDA = """
            {"cart": {"currency": "USD", "items": [{"sku": "%s", "quantity": 1, "price": %s}]},
             "shopper": {"id": "shopper-8841", "firstName": "Zelindra"}}
            """;

    private static String cartWith(String sku) {
        return """
                {"cart": {"currency": "USD", "items": [{"sku": "GIFT-CARD", "quantity": 1, "price": 30.00},
                                                       {"sku": "%s", "quantity": 1, "price": 1.00}]}}
                """.formatted(sku);
    }

    /** The lines of INFO and above that the service logs while {@code action} runs. */
    private static List<String> logged(Runnable action) {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                    logged.add(new SimpleFormatter().format(record));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(capture);
        try {
            action.run();
        } finally {
            Logger.getLogger("").removeHandler(capture);
        }
        return logged;
    }
}
