package io.nudge.rules;

import static io.nudge.testing.AdminToken.asAdmin;
import static io.nudge.testing.NudgeApi.decide;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import io.nudge.testing.Metrics;
import io.nudge.testing.Publishing;
import io.nudge.testing.RuleThreads;
import io.nudge.testing.ScratchRules;
import io.nudge.testing.TestRuleBook;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** The rule books that served, rollback to one of them, and the audit trail of every load, refusal and rollback. */
@QuarkusTest
@TestProfile(Publishing.class)
class RuleHistoryTest {

    @BeforeEach
    void serveTheTestRules() {
        ScratchRules.serveTheTestRules(Publishing.FOLDER);
    }

    @Test
    void shouldKeepWhoPublishedWhichFilesAndRollBackAtOnce() {
        String before = when().get("/v1/rules").then().extract().path("version");
        ScratchRules.write(Publishing.FOLDER, "winter.drl", "package nudge;\n// a file of its own for the winter campaign\n");

        String after = Publishing.asAlice().post("/v1/rules/reload").then().statusCode(200).extract().path("version");

        asAdmin().get("/v1/rules/history").then().statusCode(200)
                .body("[0].version", equalTo(after))
                .body("[0].trigger", equalTo("api"))
                .body("[0].by", equalTo("alice"))
                .body("[0].files.added", contains("winter.drl"))
                .body("[0].files.edited", empty())
                .body("[0].rules", equalTo(7))
                .body("[0].servedFrom", notNullValue())
                .body("[1].version", equalTo(before));
        decide(TestRuleBook.SERUM_CART).body("rulesVersion", equalTo(after));

        asAdmin().post("/v1/rules/rollback/" + before).then().statusCode(200)
                .body("version", equalTo(before))
                .body("trigger", equalTo("rollback"))
                .body("by", equalTo("admin"))
                .body("files.removed", contains("winter.drl"));

        decide(TestRuleBook.SERUM_CART).body("rulesVersion", equalTo(before));
        assertThat(Metrics.value("nudge_rules_serving{version=\"" + before + "\"}")).isEqualTo(1.0);
        assertThat(Metrics.value("nudge_rules_serving{version=\"" + after + "\"}")).isEqualTo(0.0);
        // Each book is in the history once: the one brought back is first again.
        asAdmin().get("/v1/rules/history").then().body("version.take(2)", contains(before, after))
                .body("findAll { it.version == '" + before + "' }", hasSize(1));
    }

    @Test
    void shouldLetARollbackThatCameWhileAReloadWasCheckedWinAndSaySoToTheReload() {
        String before = when().get("/v1/rules").then().extract().path("version");
        ScratchRules.write(Publishing.FOLDER, "winter.drl", "package nudge;\n// winter\n");
        ScratchRules.reload().statusCode(200);
        // Rules whose check takes a few seconds: each scenario's cart fires a rule that waits, within the check's budget.
        ScratchRules.write(Publishing.FOLDER, "slow.drl", """
                package nudge;
                import io.nudge.vocabulary.*;
                import java.util.concurrent.locks.LockSupport;

                rule "A rule that takes most of its budget"
                    @description("Waits 700 ms, within the check's budget of a second.")
                when
                    exists LineItem( sku == "SLOW" )
                then
                    LockSupport.parkNanos( 700_000_000L );
                end
                """);
        ScratchRules.write(Publishing.FOLDER, "scenarios/slow.yaml", """
                - name: A slow cart
                  cart: {currency: USD, items: [{sku: SLOW, quantity: 1, price: 1.00}]}
                  expectNot: [{type: DISCOUNT}]
                - name: Another slow cart
                  cart: {currency: USD, items: [{sku: SLOW, quantity: 2, price: 1.00}]}
                  expectNot: [{type: DISCOUNT}]
                - name: A third slow cart
                  cart: {currency: USD, items: [{sku: SLOW, quantity: 3, price: 1.00}]}
                  expectNot: [{type: DISCOUNT}]
                """);
        CompletableFuture<ExtractableResponse<Response>> reload = CompletableFuture.supplyAsync(
                () -> asAdmin().post("/v1/rules/reload").then().extract());
        await().atMost(Duration.ofSeconds(30)).until(() -> RuleThreads.aRuleIsParked() || reload.isDone());

        asAdmin().post("/v1/rules/rollback/" + before).then().statusCode(200).body("version", equalTo(before));

        ExtractableResponse<Response> superseded = reload.join();
        assertThat(superseded.statusCode()).isEqualTo(409);
        assertThat(superseded.contentType()).startsWith("application/problem+json");
        assertThat(superseded.jsonPath().getString("detail")).contains("a rollback came while the rule folder was checked");
        decide(TestRuleBook.SERUM_CART).body("rulesVersion", equalTo(before));
        asAdmin().get("/v1/rules/history").then().body("[0].version", equalTo(before));
    }

    @Test
    void shouldKeepOnlyTheConfiguredNumberOfBooks() {
        for (int edit = 1; edit <= 4; edit++) {
            ScratchRules.write(Publishing.FOLDER, "winter.drl", "package nudge;\n// edit " + edit + "\n");
            asAdmin().post("/v1/rules/reload").then().statusCode(200);
        }
        List<String> kept = asAdmin().get("/v1/rules/history").then().body("$", hasSize(3)).extract().path("version");
        // One more load pushes the oldest of the three out.
        ScratchRules.write(Publishing.FOLDER, "winter.drl", "package nudge;\n// edit 5\n");
        ScratchRules.reload().statusCode(200);

        asAdmin().post("/v1/rules/rollback/" + kept.get(2)).then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("version " + kept.get(2) + " is not in the history (GET /v1/rules/history lists it)"));
        asAdmin().post("/v1/rules/rollback/" + kept.get(1)).then().statusCode(200);
    }

    @Test
    void shouldNeedTheAdminToken() {
        when().get("/v1/rules/history").then().statusCode(401);
        when().post("/v1/rules/rollback/0000aaaa").then().statusCode(401);
        when().post("/v1/rules/preview").then().statusCode(401);
    }

    @Test
    void shouldWriteAnAuditEventForEveryLoadRefusalAndRollback() {
        String before = when().get("/v1/rules").then().extract().path("version");
        ScratchRules.write(Publishing.FOLDER, "winter.drl", "package nudge;\n// audited\n");
        String after = Publishing.asAlice().post("/v1/rules/reload").then().statusCode(200).extract().path("version");
        ScratchRules.edit(Publishing.FOLDER, "products.drl", "LineItem( category == \"camping/tents\" )", "LineItem( categry == \"camping/tents\" )");
        ScratchRules.reload().statusCode(422);
        asAdmin().post("/v1/rules/rollback/" + before).then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> lastRulesEvents(3).get(2).path("action").asText().equals("ROLLED_BACK"));
        List<JsonNode> trail = lastRulesEvents(3);
        JsonNode loaded = trail.get(0);
        assertThat(loaded.path("action").asText()).isEqualTo("LOADED");
        assertThat(loaded.path("version").asText()).isEqualTo(after);
        assertThat(loaded.path("by").asText()).isEqualTo("alice");
        assertThat(loaded.path("trigger").asText()).isEqualTo("api");
        assertThat(loaded.at("/files/added/0").asText()).isEqualTo("winter.drl");
        assertThat(loaded.path("at").asText()).isNotEmpty();
        JsonNode refused = trail.get(1);
        assertThat(refused.path("action").asText()).isEqualTo("REFUSED");
        assertThat(refused.path("serving").asText()).isEqualTo(after);
        assertThat(refused.path("errors").asInt()).isEqualTo(1);
        assertThat(refused.at("/files/edited/0").asText()).isEqualTo("products.drl");
        JsonNode rolledBack = trail.get(2);
        assertThat(rolledBack.path("version").asText()).isEqualTo(before);
        assertThat(rolledBack.path("by").asText()).isEqualTo("admin");
    }

    @Test
    void shouldAuditARefusalOfAFolderThatCannotBeRead() throws Exception {
        String serving = when().get("/v1/rules").then().extract().path("version");
        // Latin-1 where UTF-8 belongs: the folder cannot be read, so which files changed is not known.
        Files.write(Publishing.FOLDER.resolve("winter.drl"), "package nudge;\n// caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        Publishing.asAlice().post("/v1/rules/reload").then().statusCode(422);

        await().atMost(Duration.ofSeconds(10)).until(() -> lastRulesEvents(1).get(0).path("action").asText().equals("REFUSED"));
        JsonNode refused = lastRulesEvents(1).get(0);
        assertThat(refused.path("by").asText()).isEqualTo("alice");
        assertThat(refused.path("serving").asText()).isEqualTo(serving);
        assertThat(refused.has("version")).isFalse();
        assertThat(refused.has("files")).as("no file list for a folder that could not be read").isFalse();
        Files.delete(Publishing.FOLDER.resolve("winter.drl"));
    }

    private static List<JsonNode> lastRulesEvents(int count) {
        List<JsonNode> events = Publishing.events("rules");
        return events.size() < count ? Collections.nCopies(count, MissingNode.getInstance())
                : events.subList(events.size() - count, events.size());
    }
}
