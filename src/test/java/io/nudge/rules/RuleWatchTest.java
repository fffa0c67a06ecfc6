package io.nudge.rules;

import static io.nudge.testing.NudgeApi.decide;
import static io.nudge.testing.NudgeApi.nudge;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import io.nudge.testing.ScratchRules;
import io.nudge.testing.TestRuleBook;
import io.nudge.testing.Slow;

@Slow
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
    void startFromTheTestRules() {
        ScratchRules.serveTheTestRules(FOLDER);
    }

    @Test
    void shouldRefuseABrokenFileSavedWhileWatchedAndKeepAnswering() {
        String before = version();
        ScratchRules.edit(FOLDER, "products.drl", "LineItem( category == \"camping/tents\" )", "LineItem( category == )");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> when().get("/v1/rules").then()
                .body("lastRefused.trigger", equalTo("watch"))
                .body("lastRefused.errors[0].file", equalTo("products.drl")));
        assertThat(version()).isEqualTo(before);
        decide(TestRuleBook.SERUM_CART).statusCode(200).body(nudge("FREE_SHIPPING") + ".amountRemaining", equalTo(new BigDecimal("5.00")));
    }

    @Test
    void shouldPutASavedGoodEditLive() {
        ScratchRules.edit(FOLDER, "shipping.drl", "\"Add {remaining} more for free shipping\"", "\"Just {remaining} more to ship for free\"");
        ScratchRules.edit(FOLDER, "scenarios/test-book.yaml", "Add $5.00 more for free shipping", "Just $5.00 more to ship for free");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                decide(TestRuleBook.SERUM_CART).body(nudge("FREE_SHIPPING") + ".message", equalTo("Just $5.00 more to ship for free")));
    }

    @Test
    void shouldPutATranslationLiveInAMessagesFolderMadeAfterStart() throws Exception {
        Files.createDirectories(FOLDER.resolve("messages"));
        ScratchRules.write(FOLDER, "messages/de.yaml", "\"Add {remaining} more for free shipping\": \"Noch {remaining} bis zum kostenlosen Versand\"\n");
        String serumInGerman = TestRuleBook.SERUM_CART.replace("\"context\": {", "\"context\": {\"locale\": \"de-DE\", ");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                decide(serumInGerman).body(nudge("FREE_SHIPPING") + ".message", equalTo("Noch 5,00\u00a0$ bis zum kostenlosen Versand")));
    }

    @Test
    void shouldLoadAFolderSwappedInByRename() throws Exception {
        // As deploy tools do: the new rules are written beside the folder, then renamed into its place.
        Path staged = ScratchRules.folder("watch-staged");
        Path previous = ScratchRules.folder("watch-previous");
        ScratchRules.delete(staged);
        ScratchRules.delete(previous);
        ScratchRules.reset(staged);
        ScratchRules.edit(staged, "shipping.drl", "\"Add {remaining} more for free shipping\"", "\"Swapped in, {remaining} more to ship free\"");
        ScratchRules.edit(staged, "scenarios/test-book.yaml", "Add $5.00 more for free shipping", "Swapped in, $5.00 more to ship free");

        Files.move(FOLDER, previous, StandardCopyOption.ATOMIC_MOVE);
        Files.move(staged, FOLDER, StandardCopyOption.ATOMIC_MOVE);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                decide(TestRuleBook.SERUM_CART).body(nudge("FREE_SHIPPING") + ".message", equalTo("Swapped in, $5.00 more to ship free")));
    }

    @Test
    void shouldAnswerEveryRequestWhileRulesReload() throws Exception {
        String first = version();
        ExecutorService shoppers = Executors.newFixedThreadPool(4);
        AtomicBoolean reloading = new AtomicBoolean(true);
        Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
        List<Future<Integer>> answered = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answered.add(shoppers.submit(() -> {
                int count = 0;
                while (reloading.get()) {
                    String seen = decide(TestRuleBook.SERUM_CART).statusCode(200).extract().path("rulesVersion");
                    versionsSeen.add(seen);
                    count++;
                }
                return count;
            }));
        }
        Set<String> versionsLoaded = ConcurrentHashMap.newKeySet();
        versionsLoaded.add(first);
        for (int round = 0; round < 6; round++) {
            String message = round % 2 == 0 ? "Just" : "Add";
            ScratchRules.edit(FOLDER, "shipping.drl", round % 2 == 0 ? "\"Add {remaining}" : "\"Just {remaining}",
                    "\"" + message + " {remaining}");
            ScratchRules.edit(FOLDER, "scenarios/test-book.yaml", round % 2 == 0 ? "Add $5.00" : "Just $5.00", message + " $5.00");
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
