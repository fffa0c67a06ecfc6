package io.nudge.replay;

import static io.nudge.testing.AdminToken.asAdmin;
import static io.nudge.testing.NudgeApi.decide;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.nudge.testing.Publishing;
import io.nudge.testing.RuleThreads;
import io.nudge.testing.ScratchRules;
import io.nudge.testing.TestRuleBook;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** {@code POST /v1/rules/preview}: the rule folder against the rules serving, over the carts the service recorded. */
@QuarkusTest
@TestProfile(Publishing.class)
class PreviewTest {

    @BeforeEach
    void serveTheTestRules() {
        ScratchRules.serveTheTestRules(Publishing.FOLDER);
    }

    @Test
    void shouldReplayTheRecordedCartsThroughTheRuleFolder() {
        // The folder moves free shipping from USD 35.00 to 40.00: a serum at 30.00 is now 10.00 away, a tent still far over.
        ScratchRules.edit(Publishing.FOLDER, "shipping.drl", "\"USD 35.00\"", "\"USD 40.00\"");
        JsonPath before = preview();
        long recorded = recordedCarts();

        decide(TestRuleBook.SERUM_CART).statusCode(200);
        decide(TestRuleBook.SERUM_CART).statusCode(200);
        decide(TestRuleBook.TENT_CART).statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> recordedCarts() == recorded + 3);
        JsonPath after = preview();

        // The draft fails the test book's scenario of a serum 5.00 from free shipping, and is replayed all the same.
        assertThat(after.getBoolean("check.passed")).isFalse();
        assertThat(after.getInt("replay.replayed") - before.getInt("replay.replayed")).isEqualTo(3);
        assertThat(after.getInt("replay.changed") - before.getInt("replay.changed")).isEqualTo(2);
        assertThat(shown(after, "Free shipping from 35", "shownAfter") - shown(before, "Free shipping from 35", "shownAfter")).isEqualTo(2);
        assertThat(after.getString("replay.since")).isNotNull();
        assertThat(after.getString("replay.draftVersion")).isNotEqualTo(after.getString("replay.liveVersion"));
        assertThat(after.getString("replay.changedCarts[-1].after[0].message")).isEqualTo("Add $10.00 more for free shipping");
    }

    @Test
    void shouldPreviewADraftFolderWhileTheRuleFolderServes() {
        Path summer = Publishing.DRAFTS.resolve("summer");
        ScratchRules.reset(summer);
        ScratchRules.edit(summer, "shipping.drl", "\"USD 35.00\"", "\"USD 40.00\"");
        decide(TestRuleBook.SERUM_CART).statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> recordedCarts() > 0);

        JsonPath rulesFolder = preview();
        JsonPath draft = asAdmin().post("/v1/rules/preview?draft=summer&show=100").then().statusCode(200).extract().jsonPath();

        assertThat(rulesFolder.getInt("replay.changed")).isZero();
        assertThat(draft.getString("check.folder")).isEqualTo(summer.toString());
        assertThat(draft.getInt("replay.replayed")).isEqualTo(rulesFolder.getInt("replay.replayed"));
        assertThat(draft.getInt("replay.changed")).isPositive();
    }

    @Test
    void shouldNotFindADraftOutsideTheDraftsFolder() {
        asAdmin().post("/v1/rules/preview?draft=../publishing").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("draft"));
        asAdmin().post("/v1/rules/preview?draft=winter").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("no draft folder winter in " + Publishing.DRAFTS + "/ (nudge.rules.drafts)"));
    }

    @Test
    void shouldStopAPreviewAtItsTimeLimitAndLetTheNextOneRunAtOnce() {
        // A draft whose rule waits two minutes for a cart the shop recorded: a call to a service that never answers.
        Path stalls = Publishing.DRAFTS.resolve("stalls");
        ScratchRules.reset(stalls);
        ScratchRules.write(stalls, "stalls.drl", """
                package nudge;
                import io.nudge.vocabulary.*;
                import java.util.concurrent.locks.LockSupport;

                rule "Waits for a slow service"
                    @description("Waits two minutes when a cart holds a stalling product.")
                when
                    exists LineItem( sku == "STALLS" )
                then
                    LockSupport.parkNanos( 120_000_000_000L );
                end
                """);
        decide("""
                {"cart": {"currency": "USD", "items": [{"sku": "STALLS", "quantity": 1, "price": 1.00}]}}
                """).statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> Publishing.events("decision").stream()
                .anyMatch(event -> event.toString().contains("STALLS")));

        asAdmin().post("/v1/rules/preview?draft=stalls").then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", equalTo("the preview did not end within nudge.rules.preview-timeout (" + Publishing.PREVIEW_TIMEOUT
                        + ") and was stopped: a rule of the draft may loop or wait (./check-rules --replay on a copy of the event files"
                        + " shows which), or the days hold more carts than fit in it: preview fewer days"));

        assertThat(preview().getInt("replay.replayed")).as("the next preview runs at once").isPositive();
        await("the stopped preview's rule was interrupted").atMost(Duration.ofSeconds(10)).until(() -> !RuleThreads.aRuleIsParked());
    }

    @Test
    void shouldRefuseAFolderThatCannotBeBuilt() {
        ScratchRules.edit(Publishing.FOLDER, "products.drl", "LineItem( category == \"camping/tents\" )", "LineItem( categry == \"camping/tents\" )");

        asAdmin().post("/v1/rules/preview").then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", equalTo("1 errors; nothing was replayed"))
                .body("check.errors[0].file", equalTo("products.drl"));
    }

    @Test
    void shouldRefuseAWindowOrCountThatIsNoWholeNumberInRange() {
        asAdmin().post("/v1/rules/preview?days=0").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("days must be a whole number from 1 to 366"));
        asAdmin().post("/v1/rules/preview?days=abc&show=-1").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("days", "show"))
                .body("errors[1].message", equalTo("must be a whole number from 0 to 100"));
    }

    private static JsonPath preview() {
        return asAdmin().post("/v1/rules/preview?show=100").then().statusCode(200).extract().jsonPath();
    }

    private static long recordedCarts() {
        return Publishing.events("decision").stream().filter(event -> event.has("request")).count();
    }

    private static int shown(JsonPath report, String rule, String column) {
        return report.getInt("replay.rules.find { it.name == '" + rule + "' }." + column);
    }
}
