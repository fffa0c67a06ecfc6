package io.nudge.rules;

import static io.nudge.decision.NudgeApi.decide;
import static io.nudge.decision.NudgeApi.nudge;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(RuleWatchTest.WatchedFolder.class)
class RuleWatchTest {

    static final Path FOLDER = ScratchRules.folder("watch");

    public static class WatchedFolder implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            ScratchRules.reset(FOLDER);
            return Map.of("nudge.rules.dir", FOLDER.toString(), "nudge.rules.reload", "watch", "nudge.rules.debounce", "200ms");
        }
    }

    private static String version() {
        return when().get("/v1/rules").then().extract().path("version");
    }

    @BeforeEach
    void startFromTheDemoRules() {
        ScratchRules.serveTheDemoRules(FOLDER);
    }

    @Test
    void shouldRefuseABrokenFileSavedWhileWatchedAndKeepAnswering() {
        String before = version();
        ScratchRules.edit(FOLDER, "promotions.drl", "Cart( subtotal >= 60.00 )", "Cart( subtotal >= )");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> when().get("/v1/rules").then()
                .body("lastRefused.trigger", equalTo("watch"))
                .body("lastRefused.errors[0].file", equalTo("promotions.drl")));
        assertThat(version()).isEqualTo(before);
        decide(ScratchRules.SIXTY_DOLLAR_CART).statusCode(200).body(nudge("DISCOUNT") + ".amountRemaining", equalTo(new BigDecimal("15.00")));
    }

    @Test
    void shouldPutASavedGoodEditLive() {
        ScratchRules.edit(FOLDER, "promotions.drl", "\"Spend {remaining} more and save 10%\"", "\"Just {remaining} more to save 10%\"");
        ScratchRules.edit(FOLDER, "scenarios/promotions.yaml", "Spend $15.00 more and save 10%", "Just $15.00 more to save 10%");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                decide(ScratchRules.SIXTY_DOLLAR_CART).body(nudge("DISCOUNT") + ".message", equalTo("Just $15.00 more to save 10%")));
    }

    @Test
    void shouldAnswerEveryRequestWhileRulesReload() throws Exception {
        String demo = version();
        ExecutorService shoppers = Executors.newFixedThreadPool(4);
        AtomicBoolean reloading = new AtomicBoolean(true);
        Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
        List<Future<Integer>> answered = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answered.add(shoppers.submit(() -> {
                int count = 0;
                while (reloading.get()) {
                    String seen = decide(ScratchRules.SIXTY_DOLLAR_CART).statusCode(200).extract().path("rulesVersion");
                    versionsSeen.add(seen);
                    count++;
                }
                return count;
            }));
        }
        Set<String> versionsLoaded = ConcurrentHashMap.newKeySet();
        versionsLoaded.add(demo);
        for (int round = 0; round < 6; round++) {
            String message = round % 2 == 0 ? "Just" : "Spend";
            ScratchRules.edit(FOLDER, "promotions.drl", round % 2 == 0 ? "\"Spend {remaining}" : "\"Just {remaining}",
                    "\"" + message + " {remaining}");
            ScratchRules.edit(FOLDER, "scenarios/promotions.yaml", round % 2 == 0 ? "Spend $15.00" : "Just $15.00", message + " $15.00");
            ScratchRules.reload().statusCode(200);
            versionsLoaded.add(version());
        }
        reloading.set(false);
        int requests = 0;
        for (Future<Integer> shopper : answered) {
            requests += shopper.get();
        }
        shoppers.shutdown();
        // Every request was answered (a failed one fails its thread), each by one whole rule book.
        assertThat(requests).isPositive();
        assertThat(versionsLoaded).hasSize(2);
        assertThat(versionsSeen).isSubsetOf(versionsLoaded);
    }
}
