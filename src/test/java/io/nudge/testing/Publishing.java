package io.nudge.testing;

import static io.restassured.RestAssured.given;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.specification.RequestSpecification;

/**
 * A service that publishes by hand from a scratch rule folder, with a second admin token labelled {@code alice}, and records
 * carts in events of its own: what history, rollback, the audit trail and the preview are tested on.
 */
public class Publishing implements QuarkusTestProfile {

    public static final Path FOLDER = ScratchRules.folder("publishing");
    /** Where draft folders are kept ({@code nudge.rules.drafts}). */
    public static final Path DRAFTS = Path.of("target", "scratch-drafts").toAbsolutePath();
    public static final Path EVENTS = Path.of("target", "scratch-events", "publishing").toAbsolutePath();
    /** Long enough for the test rule book's check and replay on a busy machine, short enough for a test to wait out. */
    public static final Duration PREVIEW_TIMEOUT = Duration.ofSeconds(12);
    public static final String ALICE_TOKEN = "alice-test-only-admin-token-do-not-use-in-production";

    @Override
    public Map<String, String> getConfigOverrides() {
        ScratchRules.reset(FOLDER);
        ScratchRules.delete(EVENTS);
        return Map.of("nudge.rules.dir", FOLDER.toString(), "nudge.rules.reload", "manual", "nudge.rules.history-size", "3",
                "nudge.rules.drafts", DRAFTS.toString(), "nudge.access.admin-tokens.alice", ALICE_TOKEN,
                "nudge.events.file", EVENTS.resolve("events.jsonl").toString(), "nudge.events.carts", "true",
                "nudge.rules.preview-timeout", PREVIEW_TIMEOUT.toString());
    }

    public static RequestSpecification asAlice() {
        return given().header("Authorization", "Bearer " + ALICE_TOKEN);
    }

    /** The events written so far, of type {@code type}. */
    public static List<JsonNode> events(String type) {
        return EventFile.events(EVENTS.resolve("events.jsonl"), type);
    }
}
