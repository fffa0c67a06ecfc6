package io.nudge.rules;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.nudge.testing.NudgeApi;
import io.nudge.testing.ScratchRules;
import io.nudge.testing.TestRuleBook;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A rule folder holding a file that is not UTF-8 at start-up: the built-in rules serve, and the refusal says which file. */
@QuarkusTest
@TestProfile(UnreadableFolderTest.WithALatin1File.class)
class UnreadableFolderTest {

    static final Path FOLDER = ScratchRules.folder("unreadable");

    public static class WithALatin1File implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            ScratchRules.reset(FOLDER);
            try {
                // "Café" saved as Latin-1: the é is a byte that UTF-8 cannot read.
                Files.write(FOLDER.resolve("latin1.drl"), new byte[] { 'p', 'a', 'c', 'k', 'a', 'g', 'e', ' ', 'C', 'a', 'f', (byte) 0xE9, ';' });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("nudge.rules.dir", FOLDER.toString(), "nudge.rules.reload", "manual");
        }
    }

    @Test
    void shouldStartWithTheBuiltInRulesAndSayWhichFileItCouldNotRead() {
        when().get("/v1/rules").then()
                .statusCode(200)
                .body("lastRefused.trigger", equalTo("start-up"))
                .body("lastRefused.errors[0].file", equalTo("latin1.drl"))
                .body("lastRefused.errors[0].message", equalTo("is not UTF-8 text: save it as UTF-8"));
        when().get("/q/health/ready").then().statusCode(200);
        NudgeApi.decide(TestRuleBook.SERUM_CART).statusCode(200);
    }
}
