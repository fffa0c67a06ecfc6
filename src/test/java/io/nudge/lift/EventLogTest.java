package io.nudge.lift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.reactive.messaging.Message;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nudge.testing.ScratchRules;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;

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
    void shouldHoldEventsTheConnectorDoesNotAskForAndCountWhatAFullQueueCannotHold() throws Exception {
        // A connector that asks for five events, then for nothing (a broker away), behind a queue of ten.
        AssertSubscriber<Message<String>> connector = channel.events().subscribe().withSubscriber(AssertSubscriber.create(5));
        EventLog events = new EventLog(kafkaSink(10, Duration.ofMillis(200)), new ObjectMapper(), metrics, channel);

        for (int i = 0; i < 1_000; i++) {
            events.emit(Map.of("event", "test", "n", i));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> connector.getItems().size() == 5);
        events.close();

        assertThat(connector.getItems()).hasSize(5);
        assertThat(metrics.get("nudge.events.written").counter().count()).isEqualTo(5);
        assertThat(dropped("queue-full")).isPositive();
        assertThat(dropped("shutdown")).as("those queued and the one waiting for the connector").isPositive();
        assertThat(5 + dropped("queue-full") + dropped("shutdown")).isEqualTo(1_000);
    }

    @Test
    void shouldCountEveryEventLostWhileTheFolderIsGoneAndWriteAgainOnceItIsBack() throws Exception {
        Path folder = Path.of("target/event-fault").toAbsolutePath();
        ScratchRules.delete(folder);
        EventLog events = new EventLog(fileSink(folder.resolve("events.jsonl")), new ObjectMapper(), metrics, channel);
        for (int i = 0; i < 100; i++) {
            events.emit(Map.of("event", "test", "phase", 1, "n", i));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> written() == 100);

        // The folder becomes a file: nothing can be written, and every event says so.
        ScratchRules.delete(folder);
        Files.writeString(folder, "not a folder");
        for (int i = 0; i < 100; i++) {
            events.emit(Map.of("event", "test", "phase", 2, "n", i));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> written() + dropped("sink-failed") == 200);
        assertThat(dropped("sink-failed")).as("one by one, not one per batch").isEqualTo(100);

        // The folder comes back: writing resumes by itself.
        Files.delete(folder);
        for (int i = 0; i < 100; i++) {
            events.emit(Map.of("event", "test", "phase", 3, "n", i));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> written() + dropped("sink-failed") == 300);
        events.close();

        assertThat(written()).isEqualTo(200);
        long onDisk;
        try (var files = Files.list(folder)) {
            onDisk = files.flatMap(file -> {
                try {
                    return Files.readAllLines(file).stream();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).filter(line -> line.contains("\"phase\":3")).count();
        }
        assertThat(onDisk).isEqualTo(100);
    }

    @Test
    void shouldCountEveryEventLostToAFullDiskOneByOne() throws Exception {
        // Linux's /dev/full answers every write with "No space left on device", as a full disk does.
        Assumptions.assumeTrue(Files.isWritable(Path.of("/dev/full")), "a device that is always full");
        EventLog events = new EventLog(fileSink(Path.of("/dev/full")), new ObjectMapper(), metrics, channel);

        for (int i = 0; i < 100; i++) {
            events.emit(Map.of("event", "test", "n", i));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> written() + dropped("sink-failed") == 100);
        events.close();

        assertThat(written()).isZero();
        assertThat(dropped("sink-failed")).as("one by one, not one per batch").isEqualTo(100);
    }

    private double written() {
        return metrics.get("nudge.events.written").counter().count();
    }

    private double dropped(String reason) {
        return metrics.get("nudge.events.dropped").tag("reason", reason).counter().count();
    }

    @Test
    void shouldWriteWhatTheConnectorAsksForBeforeShutdownAndCountTheRest() throws Exception {
        AssertSubscriber<Message<String>> connector = channel.events().subscribe().withSubscriber(AssertSubscriber.create(0));
        EventLog events = new EventLog(kafkaSink(1_000, Duration.ofSeconds(2)), new ObjectMapper(), metrics, channel);
        for (int i = 0; i < 500; i++) {
            events.emit(Map.of("event", "test", "n", i));
        }

        // The broker comes back during the drain and takes 200 events.
        CompletableFuture.runAsync(() -> connector.request(200), CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
        events.close();

        assertThat(connector.getItems()).hasSize(200);
        assertThat(metrics.get("nudge.events.written").counter().count()).isEqualTo(200);
        assertThat(dropped("shutdown")).isEqualTo(300);
        events.emit(Map.of("event", "after shutdown"));
        assertThat(dropped("shutdown")).isEqualTo(301);
    }

    /** The events' settings these tests vary; the rest as the service's defaults. */
    private record Settings(EventsConfig.Sink sink, Path file, MemorySize maxFileSize, int maxFiles, int queue, Duration drainTimeout)
            implements EventsConfig {

        @Override
        public boolean carts() {
            return false;
        }
    }

    /** Events to {@code file}, rotated past 4 KB, so that a batch of a hundred rotates it. */
    private static EventsConfig fileSink(Path file) {
        return new Settings(EventsConfig.Sink.FILE, file, new MemorySize(BigInteger.valueOf(4_096)), 50, 1_000, Duration.ofSeconds(5));
    }

    private static EventsConfig kafkaSink(int queue) {
        return kafkaSink(queue, Duration.ofSeconds(5));
    }

    private static EventsConfig kafkaSink(int queue, Duration drainTimeout) {
        return new Settings(EventsConfig.Sink.KAFKA, Path.of("target/unused.jsonl"), new MemorySize(BigInteger.valueOf(1_000_000)), 1, queue,
                drainTimeout);
    }
}
