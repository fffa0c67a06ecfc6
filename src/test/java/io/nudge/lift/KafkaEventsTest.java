package io.nudge.lift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.helpers.test.AssertSubscriber;

/** The stream to the Kafka connector emits only what the connector asks for, and says when a line is lost. */
class KafkaEventsTest {

    @Test
    void shouldRefuseALineWhileNoChannelIsConnected() throws Exception {
        assertThat(new KafkaEvents().send("before any channel", () -> { })).isFalse();
    }

    @Test
    void shouldSendOnlyWhatTheConnectorAsksFor() throws Exception {
        KafkaEvents events = new KafkaEvents();
        AssertSubscriber<Message<String>> connector = events.events().subscribe().withSubscriber(AssertSubscriber.create(1));
        assertThat(events.send("first", () -> { })).isTrue();

        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> send(events, "second"));
        Thread.sleep(100);
        assertThat(second).as("waits while the connector's buffer is full").isNotDone();
        assertThat(connector.getItems()).hasSize(1);

        connector.request(1);
        assertThat(second.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(connector.getItems()).extracting(Message::getPayload).containsExactly("first", "second");
    }

    private static boolean send(KafkaEvents events, String line) {
        try {
            return events.send(line, () -> { });
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldCountALineTheBrokerRefuses() throws Exception {
        KafkaEvents events = new KafkaEvents();
        AtomicInteger lost = new AtomicInteger();
        AssertSubscriber<Message<String>> connector = events.events().subscribe().withSubscriber(AssertSubscriber.create(1));
        events.send("refused", lost::incrementAndGet);

        connector.getItems().get(0).nack(new IllegalStateException("the broker is down"));

        assertThat(lost).hasValue(1);
    }
}
