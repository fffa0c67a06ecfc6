package io.nudge.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import net.jqwik.engine.SourceOfRandomness;

/**
 * Every answer to 1,208 recorded bodies stays what it was: status, content type, and for a
 * refusal the whole problem document (detail, fields, messages). The bodies are the fuzzer's carts,
 * as generated and as mutated text, and a few written to reach every check; their answers were recorded from the service when Hibernate
 * Validator still checked requests, so the hand-written checks that replaced it are held to its
 * answers. {@code -Dnudge.record-answers=true} records the file again from the service as it is.
 */
@QuarkusTest
class ProblemAnswersTest {

    private static final Path RECORDED = Path.of("src/test/resources/problem-answers.jsonl");
    private static final int BODIES = 1_200;
    private static final long SEED = 20261130L;
    private static final int LARGEST_BODY = 4_096;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Written by hand: what the fuzzer's small carts rarely reach, and the outcomes endpoint. */
    private static final List<String[]> WRITTEN = List.of(
            nudges("{\"cart\":{\"currency\":\"USD\",\"items\":[{\"sku\":\"A\",\"quantity\":1,\"price\":1}]},"
                    + "\"shopper\":{\"childrenAges\":[121,-1,null,0,120],\"orderCount\":-3,\"segments\":[null,\"%s\"]}}".formatted("s".repeat(129))),
            nudges("{\"cart\":{\"currency\":\"USD\",\"items\":[%s]}}".formatted(String.join(",", java.util.Collections.nCopies(501,
                    "{\"sku\":\"A\",\"quantity\":1,\"price\":1}")))),
            nudges("{\"cart\":{\"currency\":\"USD\",\"items\":[{\"sku\":\"%s\",\"quantity\":0,\"price\":-1,\"tags\":[null,\"\"]}]},"
                    .formatted(" ".repeat(129)) + "\"context\":{\"locale\":\"%s\",\"weather\":\"%s\"}}".formatted("en-".repeat(30), "w".repeat(200))),
            nudges("{\"cart\":{\"currency\":\"USD\",\"items\":[{\"sku\":\"\\u2003\",\"quantity\":1000001,\"price\":0.00000000001}]}}"),
            outcomes("{}"),
            outcomes("null"),
            outcomes("{\"decisionId\":\" \",\"orderTotal\":-1,\"currency\":\"usd\",\"items\":[null,{\"sku\":\"\",\"quantity\":0,\"price\":1e-20}]}"),
            outcomes("{\"decisionId\":\"d-1\",\"orderTotal\":10.00,\"currency\":\"EUR\",\"items\":[{\"sku\":\"A\",\"quantity\":1,\"price\":10}]}"));

    @TestHTTPResource("/")
    URI root;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void shouldAnswerEveryRecordedBodyAsBefore() throws IOException {
        if (Boolean.getBoolean("nudge.record-answers")) {
            record();
        }
        List<String> changed = new ArrayList<>();
        int replayed = 0;
        for (String line : Files.readAllLines(RECORDED)) {
            JsonNode recorded = JSON.readTree(line);
            ObjectNode answer = answer(recorded.path("path").asText(), recorded.path("body").asText(), recorded.path("contentType").asText(null));
            replayed++;
            if (!answer.equals(recorded.path("answer"))) {
                changed.add("body " + recorded.path("body").asText() + "\n    was " + recorded.path("answer") + "\n    now " + answer);
            }
        }
        assertThat(replayed).isEqualTo(BODIES + WRITTEN.size());
        assertThat(changed).as("answers that changed").isEmpty();
    }

    private void record() throws IOException {
        SourceOfRandomness.create(Long.toString(SEED));
        Iterator<RequestBodies.Body> bodies = RequestBodies.any().sampleStream()
                .filter(body -> body.kind().equals("request") || body.kind().equals("mutated"))
                .filter(body -> body.bytes().length <= LARGEST_BODY)
                .iterator();
        List<String> lines = new ArrayList<>();
        for (String[] written : WRITTEN) {
            lines.add(recording(written[0], written[1], "application/json"));
        }
        for (int i = 0; i < BODIES; i++) {
            RequestBodies.Body body = bodies.next();
            lines.add(recording("v1/nudges", new String(body.bytes(), StandardCharsets.UTF_8), body.contentType()));
        }
        Files.write(RECORDED, lines);
    }

    private String recording(String path, String body, String contentType) throws IOException {
        ObjectNode line = JSON.createObjectNode().put("path", path).put("body", body).put("contentType", contentType);
        line.set("answer", answer(path, body, contentType));
        return JSON.writeValueAsString(line);
    }

    private static String[] nudges(String body) {
        return new String[] { "v1/nudges", body };
    }

    private static String[] outcomes(String body) {
        return new String[] { "v1/outcomes", body };
    }

    /** The status and content type, and a refusal's problem document; a decision's content is the rule book's business. */
    private ObjectNode answer(String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            ObjectNode answer = JSON.createObjectNode().put("status", response.statusCode())
                    .put("contentType", response.headers().firstValue("Content-Type").orElse(""));
            if (response.statusCode() >= 400) {
                answer.set("problem", JSON.readTree(response.body()));
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
