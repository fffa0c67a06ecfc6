package io.nudge.lift;

import static io.nudge.testing.NudgeApi.decide;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;

/** The kafka sink, with the channel's connector swapped for an in-memory one (no broker runs here). */
@QuarkusTest
@TestProfile(KafkaSinkTest.ToKafka.class)
class KafkaSinkTest {

    public static class ToKafka implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // What the kafka profile sets, with the in-memory connector in place of Kafka.
            return Map.of("nudge.events.sink", "kafka",
                    "mp.messaging.outgoing.nudge-events.enabled", "true",
                    "mp.messaging.outgoing.nudge-events.connector", "smallrye-in-memory");
        }
    }

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void shouldSendEachDecisionEventToTheChannel() {
        String decisionId = decide("""
                {"cart": {"currency": "USD", "items": [{"sku": "STOVE-1", "quantity": 1, "price": 30.00}]}}
                """).statusCode(200).extract().path("decisionId");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(connector.sink("nudge-events").received())
                .anySatisfy(message -> assertThat((String) message.getPayload())
                        .contains("\"event\":\"decision\"", "\"decisionId\":\"" + decisionId + "\"")));
    }

    @Test
    void shouldSendTheStartUpLoadOfTheRulesToo() {
        // The rules load before the connector subscribes: the audit trail's first event must wait for it, not be dropped.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(connector.sink("nudge-events").received())
                .anySatisfy(message -> assertThat((String) message.getPayload()).startsWith("{\"event\":\"rules\"")));
    }
}
