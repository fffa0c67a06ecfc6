package io.nudge.replay;

import static io.nudge.testing.Commands.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.nudge.testing.Commands;

/**
 * The commands as a merchandiser and a CI job run them, against the packaged jar: {@code ./check-rules} with
 * paths relative to where it is called from, and {@code deploy/ci/review-rules}, which the GitHub and GitLab jobs call.
 */
class CheckRulesScriptIT {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    /** The test rule book's scenarios name the test catalog's products. */
    private static final Map<String, String> TEST_CATALOG = Map.of(
            "NUDGE_CATALOG_FEED", "src/test/resources/rule-book/catalog",
            "NUDGE_CATALOG_BOUGHT_TOGETHER", "src/test/resources/rule-book/bought-together.csv");

    @Test
    void shouldReplayWithPathsGivenFromAnotherFolder() throws Exception {
        Path elsewhere = Files.createDirectories(ROOT.resolve("target/elsewhere"));

        Commands.Run run = run(elsewhere, TEST_CATALOG, "../../check-rules", "../../src/test/resources/rule-book",
                "--against", "../../src/test/resources/rule-book", "--replay", "../../src/test/resources/replay/carts.jsonl",
                "--at", "2026-03-02T10:00:00Z", "--json");

        assertThat(run.exit()).as(run.out()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.at("/check/passed").asBoolean()).isTrue();
        assertThat(report.at("/replay/carts").asInt()).isEqualTo(10);
        assertThat(report.at("/replay/replayed").asInt()).isEqualTo(8);
        assertThat(report.at("/replay/changed").asInt()).isZero();
    }

    @Test
    void shouldPrintTheChecksOwnWordsOnlyNotTheEnginesLog() throws Exception {
        // A package name of the shop's own, which Drools' log would call a mismatch with the folder.
        Path shop = ROOT.resolve("target/shop-rules");
        Commands.run(ROOT, Map.of(), "rm", "-rf", shop.toString());
        Commands.run(ROOT, Map.of(), "cp", "-r", "src/test/resources/rule-book", shop.toString());
        Files.writeString(shop.resolve("shipping.drl"), Files.readString(shop.resolve("shipping.drl")).replace("package nudge;", "package shop;"));

        Commands.Run run = run(ROOT, TEST_CATALOG, "./check-rules", shop.toString());

        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out() + run.err()).doesNotContain("org.drools", "org.kie", "KieBuilderImpl");
    }

    @Test
    void shouldCheckAShopsFolderAgainstItsOwnCatalogAndSayWhichOneItUsed() throws Exception {
        // No NUDGE_CATALOG_FEED: the test book's folder holds its catalog/ and bought-together.csv, which its scenarios need.
        Commands.Run run = run(ROOT, Map.of(), "./check-rules", "src/test/resources/rule-book");

        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.err()).contains("Scenarios ran against the catalog of " + ROOT.resolve("src/test/resources/rule-book/catalog"))
                .contains("in time zone UTC, for languages en, de, fr");
    }

    @Test
    void shouldReviewTheRulesAgainstABranchAsTheCiJobsDo() throws Exception {
        Commands.Run run = run(ROOT, Map.of(), "deploy/ci/review-rules", "HEAD");

        // Whatever the demo rules say: the check's verdict, and the demo's 200 recorded carts replayed.
        assertThat(run.out()).contains("Checking the rules in " + ROOT.resolve("rules")).contains("Replay: 200 carts through the draft");
        assertThat(Files.readString(ROOT.resolve("target/rules-review.txt"))).isEqualTo(run.out());
    }

    @Test
    void shouldCallTheReviewFromBothCiJobs() throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        JsonNode github = yaml.readTree(ROOT.resolve(".github/workflows/rules.yml").toFile());
        JsonNode gitlab = yaml.readTree(ROOT.resolve(".gitlab-ci.yml").toFile());

        assertThat(github.at("/on/pull_request/paths/0").asText()).isEqualTo("rules/**");
        List<String> steps = github.at("/jobs/review-rules/steps").findValuesAsText("run");
        assertThat(steps.get(0)).startsWith("deploy/ci/review-rules \"origin/$BASE\"");
        assertThat(github.at("/jobs/review-rules/steps/2/env/BASE").asText()).isEqualTo("${{ github.base_ref }}");
        assertThat(gitlab.at("/review-rules/script/0").asText())
                .startsWith("deploy/ci/review-rules \"origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME\"");
        assertThat(gitlab.at("/review-rules/artifacts/paths/0").asText()).isEqualTo("target/rules-review.txt");
    }
}
