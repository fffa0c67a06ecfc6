package io.nudge.lift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;

/** Emitting never waits: what a full queue or a broken sink cannot take is dropped and counted. */
class EventLogTest {

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final KafkaEvents channel = new KafkaEvents();

    @Test
    void shouldDropAndCountEventsASinkCannotWrite() throws Exception {
        // Nothing subscribes to the channel: the sink fails every event.
        EventLog events = new EventLog(kafkaSink(100), new ObjectMapper(), metrics, channel);

        for (int i = 0; i < 100; i++) {
            events.emit(Map.of("event", "test", "n", i));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> dropped("sink-failed") == 100);
        assertThat(dropped("queue-full")).isZero();
        events.close();
    }

    @Test
    void shouldDropAndCountEventsAFullQueueCannotHold() throws Exception {
        // A slow sink: a millisecond an event, behind a queue of ten.
        channel.events().subscribe().with(line -> LockSupport.parkNanos(1_000_000));
        EventLog events = new EventLog(kafkaSink(10), new ObjectMapper(), metrics, channel);

        for (int i = 0; i < 1_000; i++) {
            events.emit(Map.of("event", "test", "n", i));
        }

        assertThat(dropped("queue-full")).isPositive();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> metrics.get("nudge.events.written").counter().count() + dropped("queue-full") == 1_000);
        events.close();
    }

    private double dropped(String reason) {
        return metrics.get("nudge.events.dropped").tag("reason", reason).counter().count();
    }

    @Test
    void shouldCountTheEventsLeftWhenShutdownCannotWaitForThem() throws Exception {
        // A slow sink: ten milliseconds an event, and shutdown waits a tenth of a second.
        channel.events().subscribe().with(line -> LockSupport.parkNanos(10_000_000));
        EventLog events = new EventLog(kafkaSink(1_000, Duration.ofMillis(100)), new ObjectMapper(), metrics, channel);
        for (int i = 0; i < 500; i++) {
            events.emit(Map.of("event", "test", "n", i));
        }

        events.close();

        double written = metrics.get("nudge.events.written").counter().count();
        assertThat(dropped("shutdown")).isPositive();
        // Every event is written or counted; one may have been on its way when the writer stopped.
        assertThat(written + dropped("shutdown")).isBetween(499.0, 500.0);
    }

    private static EventsConfig kafkaSink(int queue) {
        return kafkaSink(queue, Duration.ofSeconds(5));
    }

    private static EventsConfig kafkaSink(int queue, Duration drainTimeout) {
        return new EventsConfig() {
            @Override
            public Duration drainTimeout() {
                return drainTimeout;
            }

            @Override
            public Sink sink() {
                return Sink.KAFKA;
            }

            @Override
            public Path file() {
                return Path.of("target/unused.jsonl");
            }

            @Override
            public MemorySize maxFileSize() {
                return new MemorySize(BigInteger.valueOf(1_000_000));
            }

            @Override
            public int maxFiles() {
                return 1;
            }

            @Override
            public int queue() {
                return queue;
            }
        };
    }
}
