package io.nudge.lift;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Outgoing;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;

/**
 * The stream of event lines to channel {@code nudge-events} (Kafka, in the {@code kafka}
 * profile). A producer method rather than an Emitter: while the channel is disabled nothing
 * subscribes, and nothing connects to a broker.
 */
@ApplicationScoped
public class KafkaEvents {

    private final AtomicReference<MultiEmitter<? super String>> downstream = new AtomicReference<>();

    @Outgoing("nudge-events")
    Multi<String> events() {
        // The connector's own buffer bounds what waits for the broker; send() emits only while it asks for more.
        return Multi.createFrom().<String>emitter(downstream::set, BackPressureStrategy.DROP);
    }

    /**
     * Sends a line; false when no channel is connected, or the connector asks for nothing now
     * (its buffer is full): the caller counts the line as dropped instead of it vanishing.
     */
    boolean send(String line) {
        MultiEmitter<? super String> emitter = downstream.get();
        if (emitter == null || emitter.requested() <= 0) {
            return false;
        }
        emitter.emit(line);
        return true;
    }
}
