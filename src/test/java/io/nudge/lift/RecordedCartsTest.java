package io.nudge.lift;

import static io.nudge.testing.NudgeApi.decide;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.nudge.testing.EventFile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With nudge.events.carts on, a decision event carries its request, ready to replay, without what identifies the shopper. */
@QuarkusTest
@TestProfile(RecordedCartsTest.CartsRecorded.class)
class RecordedCartsTest {

    public static class CartsRecorded implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("nudge.events.carts", "true");
        }
    }

    @Test
    void shouldRecordTheCartAndContextWithoutTheShoppersIdNameOrSession() {
        String decisionId = decide("""
                {"cart": {"currency": "USD", "items": [{"sku": "SER-1", "quantity": 2, "price": 30.00, "tags": ["vegan"]}]},
                 "shopper": {"id": "shopper-4711", "firstName": "Philippa", "segments": ["beauty-lover"], "averageOrderValue": 55.10,
                             "orderCount": 3, "childrenAges": [4]},
                 "context": {"channel": "app", "country": "DE", "locale": "de-DE", "weather": "rain",
                             "at": "2026-11-23T10:00:00Z", "sessionId": "session-0815"}}
                """).statusCode(200).extract().path("decisionId");

        JsonNode event = EventFile.awaitEvent(DecisionEvent.TYPE, decisionId);
        JsonNode request = event.path("request");
        assertThat(request.at("/cart/items/0/sku").asText()).isEqualTo("SER-1");
        assertThat(request.at("/cart/items/0/quantity").asInt()).isEqualTo(2);
        assertThat(request.at("/cart/items/0/price").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(request.at("/shopper/segments/0").asText()).isEqualTo("beauty-lover");
        assertThat(request.at("/shopper/averageOrderValue").decimalValue()).isEqualByComparingTo("55.10");
        assertThat(request.at("/shopper/childrenAges/0").asInt()).isEqualTo(4);
        assertThat(request.at("/context/locale").asText()).isEqualTo("de-DE");
        assertThat(request.at("/context/at").asText()).isEqualTo("2026-11-23T10:00:00Z");
        assertThat(request.at("/shopper/id").isMissingNode() || request.at("/shopper/id").isNull()).isTrue();
        assertThat(event.toString()).doesNotContain("shopper-4711", "Philippa", "session-0815");
    }
}
