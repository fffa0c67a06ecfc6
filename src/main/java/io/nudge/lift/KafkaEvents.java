package io.nudge.lift;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Message;
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

    private final AtomicReference<MultiEmitter<? super Message<String>>> downstream = new AtomicReference<>();

    @Outgoing("nudge-events")
    Multi<Message<String>> events() {
        // The connector's own buffer bounds what waits for the broker; send() emits only what it asks for.
        return Multi.createFrom().<Message<String>>emitter(downstream::set, BackPressureStrategy.DROP);
    }

    /**
     * Sends a line once the connector asks for one, waiting while its buffer is full (the broker
     * is slow or away): meanwhile the event queue fills, and what it cannot hold is counted as
     * dropped. False when no channel is connected. A line the broker refuses later runs {@code lost}.
     */
    boolean send(String line, Runnable lost) throws InterruptedException {
        // While the broker is away, ask less and less often: from every millisecond to every fiftieth.
        long pause = 1;
        while (true) {
            MultiEmitter<? super Message<String>> emitter = downstream.get();
            if (emitter == null || emitter.isCancelled()) {
                return false;
            }
            if (emitter.requested() > 0) {
                emitter.emit(Message.of(line).withNack(failure -> {
                    lost.run();
                    return CompletableFuture.completedFuture(null);
                }));
                return true;
            }
            Thread.sleep(pause);
            pause = Math.min(pause * 2, 50);
        }
    }
}
