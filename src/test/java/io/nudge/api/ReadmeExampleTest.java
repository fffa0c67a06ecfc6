package io.nudge.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nudge.testing.NudgeApi;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The README's curl example gets the answer the README shows, read from the README itself.
 * Messages are left out: they are the merchandisers' copy, pinned by rules/scenarios/.
 */
@QuarkusTest
@TestProfile(ReadmeExampleTest.DemoRules.class)
class ReadmeExampleTest {

    /** The demo rules, as a new user runs them. */
    public static class DemoRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("nudge.rules.dir", "rules", "nudge.catalog.feed", "rules/catalog", "nudge.catalog.bought-together", "rules/bought-together.csv");
        }
    }

    private static final Pattern EXAMPLE = Pattern.compile(
            "-d @examples/cart\\.json\\n```\\n```json\\n(.*?)```", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldAnswerTheReadmeExampleAsDocumented() throws IOException {
        Matcher example = EXAMPLE.matcher(Files.readString(Path.of("README.md")));
        assertThat(example.find()).as("the README's example answer, right below its curl command").isTrue();

        String answer = NudgeApi.decide(Files.readString(Path.of("examples/cart.json"))).statusCode(200).extract().asString();

        assertThat(comparable(JSON.readTree(answer))).isEqualTo(comparable(JSON.readTree(example.group(1))));
    }

    /** The answer without what changes from one decision or rules edit to the next. */
    private static JsonNode comparable(JsonNode answer) {
        ObjectNode copy = answer.deepCopy();
        copy.remove("decisionId");
        copy.remove("rulesVersion");
        copy.withArray("nudges").forEach(nudge -> ((ObjectNode) nudge).remove("message"));
        return copy;
    }
}
