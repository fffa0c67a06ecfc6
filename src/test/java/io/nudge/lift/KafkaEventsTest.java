package io.nudge.lift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.helpers.test.AssertSubscriber;

/** The stream to the Kafka connector emits only what the connector asks for, and says when a line is lost. */
class KafkaEventsTest {

    @Test
    void shouldRefuseALineNoChannelAsksFor() {
        KafkaEvents events = new KafkaEvents();
        AtomicInteger lost = new AtomicInteger();
        assertThat(events.send("before any channel", lost::incrementAndGet)).isFalse();

        AssertSubscriber<Message<String>> connector = events.events().subscribe().withSubscriber(AssertSubscriber.create(1));

        assertThat(events.send("first", lost::incrementAndGet)).isTrue();
        assertThat(events.send("second, while the connector's buffer is full", lost::incrementAndGet)).isFalse();
        connector.request(1);
        assertThat(events.send("third", lost::incrementAndGet)).isTrue();
        assertThat(connector.getItems()).extracting(Message::getPayload).containsExactly("first", "third");
    }

    @Test
    void shouldCountALineTheBrokerRefuses() {
        KafkaEvents events = new KafkaEvents();
        AtomicInteger lost = new AtomicInteger();
        AssertSubscriber<Message<String>> connector = events.events().subscribe().withSubscriber(AssertSubscriber.create(1));
        events.send("refused", lost::incrementAndGet);

        connector.getItems().get(0).nack(new IllegalStateException("the broker is down"));

        assertThat(lost).hasValue(1);
    }
}
