package io.nudge.lift;

import static io.nudge.testing.NudgeApi.decide;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.nudge.testing.KafkaBroker;
import io.nudge.testing.Metrics;
import io.nudge.testing.Slow;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Events through the kafka profile to a real broker, stopped and restarted while shoppers keep
 * coming: every decision's event is read back from the topic, or counted as dropped.
 */
@Slow
@QuarkusTest
@TestProfile(KafkaBrokerTest.ToTheBroker.class)
@QuarkusTestResource(value = KafkaBroker.class, restrictToAnnotatedClass = true)
class KafkaBrokerTest {

    public static class ToTheBroker implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "test,kafka";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // Small buffers, so that an outage overflows them: five records in flight to the broker, ten events queued.
            return Map.of("mp.messaging.outgoing.nudge-events.max-inflight-messages", "5",
                    "nudge.events.queue", "10",
                    "quarkus.log.category.\"org.apache.kafka\".level", "ERROR",
                    "quarkus.log.category.\"kafka\".level", "ERROR",
                    "quarkus.log.category.\"state.change.logger\".level", "ERROR",
                    "quarkus.log.category.\"io.smallrye.reactive.messaging.kafka\".level", "OFF");
        }
    }

    private static final String CART = """
            {"cart": {"currency": "USD", "items": [{"sku": "TENT-2", "quantity": 1, "price": 120.00}]}}""";

    @KafkaBroker.Inject
    KafkaBroker broker;

    /** The rules events (the audit trail's) found in the topic by the last {@link #eventsInTopic()}. */
    private int rulesEventsInTopic;

    @Test
    void shouldDeliverOrCountEveryEventAcrossABrokerRestart() throws Exception {
        List<String> decided = new ArrayList<>();
        decideTimes(20, decided);
        await().atMost(Duration.ofSeconds(30)).until(() -> eventsInTopic().containsAll(decided));
        assertThat(rulesEventsInTopic).as("the start-up load of the rules, sent before the connector asked for events").isPositive();

        broker.stopBroker();
        decideTimes(60, decided);
        broker.startBroker();
        awaitEveryEventDeliveredOrCounted(decided);
        assertThat(dropped()).as("sixty events during the outage overflow five in flight and ten queued").isPositive();

        // Once the backlog is through, the service delivers as before the outage.
        List<String> afterRestart = new ArrayList<>();
        decideTimes(20, afterRestart);
        decided.addAll(afterRestart);
        awaitEveryEventDeliveredOrCounted(decided);
        assertThat(eventsInTopic()).containsAll(afterRestart).isSubsetOf(decided);
    }

    private void awaitEveryEventDeliveredOrCounted(List<String> decided) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Set<String> delivered = eventsInTopic();
            assertThat(delivered.size() + dropped()).as("delivered %d, dropped %s", delivered.size(), dropped()).isEqualTo(decided.size());
        });
    }

    private static void decideTimes(int times, List<String> decisionIds) {
        for (int i = 0; i < times; i++) {
            decisionIds.add(decide(CART).statusCode(200).extract().path("decisionId"));
        }
    }

    private static double dropped() {
        return Metrics.value("nudge_events_dropped_total{reason=\"queue-full\",sink=\"kafka\"}")
                + Metrics.value("nudge_events_dropped_total{reason=\"sink-failed\",sink=\"kafka\"}")
                + Metrics.value("nudge_events_dropped_total{reason=\"shutdown\",sink=\"kafka\"}");
    }

    /** The decision ids of the decision events in topic nudge-events, each once; the rules events are counted on the side. */
    private Set<String> eventsInTopic() {
        List<String> all = new ArrayList<>();
        int rules = 0;
        // The topic also has the rules loaded at start (the audit trail's events): no decision of this test.
        for (JsonNode event : broker.events()) {
            if (event.path("event").asText().equals("decision")) {
                all.add(event.path("decisionId").asText());
            } else if (event.path("event").asText().equals("rules")) {
                rules++;
            }
        }
        Set<String> ids = new HashSet<>(all);
        rulesEventsInTopic = rules;
        assertThat(all).as("no event is delivered twice").hasSameSizeAs(ids);
        return ids;
    }
}
