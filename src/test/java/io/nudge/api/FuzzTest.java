package io.nudge.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.nudge.testing.NudgeApi;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import net.jqwik.engine.SourceOfRandomness;
import io.nudge.testing.Slow;

/**
 * Throws generated and mutated bodies at the running endpoint. Each must be answered within the
 * budget, never with a 5xx, and every refusal must be a problem document. CI posts the default
 * count; the README gives the full run: {@code -Dnudge.fuzz.bodies=100000}. The seed is fixed
 * and printed; {@code -Dnudge.fuzz.seed=...} draws other bodies, and a failure names its seed.
 */
@Slow
@QuarkusTest
class FuzzTest {

    private static final int BODIES = Integer.getInteger("nudge.fuzz.bodies", 5_000);
    /** Fixed, so that every run posts the same bodies; -Dnudge.fuzz.seed=... explores others. */
    private static final long SEED = Long.getLong("nudge.fuzz.seed", 20261129L);
    private static final Duration BUDGET = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/v1/nudges")
    URI endpoint;

    @Test
    void shouldAnswerEveryGeneratedBodyInTimeWithoutA5xxAndRefuseWithAProblem() throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // jqwik draws from this thread's source of randomness: seeded, a run can be repeated.
        SourceOfRandomness.create(Long.toString(SEED));
        Iterator<RequestBodies.Body> bodies = RequestBodies.any().sampleStream().iterator();
        Map<String, Integer> answers = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < BODIES && failures.size() < 10; i++) {
            RequestBodies.Body body = bodies.next();
            String failure = post(client, body, answers);
            if (failure != null) {
                failures.add(failure + "\n    body " + body.preview());
            }
        }
        System.out.printf("Fuzzed %d bodies (seed %d, -Dnudge.fuzz.seed to change): %s%n", BODIES, SEED, answers);

        assertThat(failures).as("fuzz failures; repeat with -Dnudge.fuzz.seed=%d", SEED).isEmpty();
        NudgeApi.decide("""
                {"cart": {"currency": "USD", "items": [{"sku": "SER-1", "quantity": 1, "price": 30.00}]}}
                """).statusCode(200);
    }

    /** Posts one body; returns what was wrong with the answer, or null. */
    private String post(HttpClient client, RequestBodies.Body body, Map<String, Integer> answers) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(BUDGET)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        if (body.contentType() != null && !body.contentType().isEmpty()) {
            request.header("Content-Type", body.contentType());
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return "no answer within " + BUDGET.toSeconds() + " s";
        } catch (IOException e) {
            return "the connection failed: " + e;
        }
        int status = response.statusCode();
        answers.merge(body.kind() + " " + status, 1, Integer::sum);
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (status == 200) {
            return type.startsWith("application/json") && response.body().contains("\"nudges\"") ? null : "200 without a decision: " + type;
        }
        if (status < 400 || status >= 500) {
            return "answered " + status + ": " + response.body();
        }
        if (!type.startsWith(Problem.MEDIA_TYPE)) {
            return status + " answered as " + type + " instead of a problem: " + response.body();
        }
        try {
            JsonNode problem = JSON.readTree(response.body());
            return problem.path("status").asInt() == status && problem.hasNonNull("title") ? null : status + " with a bad problem: " + response.body();
        } catch (IOException e) {
            return status + " problem is not JSON: " + response.body();
        }
    }
}
