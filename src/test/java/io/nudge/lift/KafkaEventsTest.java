package io.nudge.lift;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.helpers.test.AssertSubscriber;

/** The stream to the Kafka connector emits only what the connector asks for, and says when it cannot. */
class KafkaEventsTest {

    @Test
    void shouldRefuseALineNoChannelAsksFor() {
        KafkaEvents events = new KafkaEvents();
        assertThat(events.send("before any channel")).isFalse();

        AssertSubscriber<String> connector = events.events().subscribe().withSubscriber(AssertSubscriber.create(1));

        assertThat(events.send("first")).isTrue();
        assertThat(events.send("second, while the connector's buffer is full")).isFalse();
        connector.request(1);
        assertThat(events.send("third")).isTrue();
        connector.assertItems("first", "third");
    }
}
