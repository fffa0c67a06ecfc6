package io.nudge.lift;

import java.nio.file.Path;
import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where decision and outcome events go: JSON lines, one event a line. */
@ConfigMapping(prefix = "nudge.events")
public interface EventsConfig {

    enum Sink {
        /** A file that rolls over by size, keeping the last few: what {@code ./lift-report} reads. */
        FILE,
        /** Standard output, for platforms that collect it. */
        STDOUT,
        /** The Kafka topic of channel {@code nudge-events}, one stream for every replica: set by the {@code kafka} profile. */
        KAFKA,
        /** No events. */
        OFF
    }

    @WithDefault("file")
    Sink sink();

    /** The file the FILE sink writes; rolled-over files sit beside it as {@code events.jsonl.1}, {@code .2}, ... */
    @WithDefault("events/events.jsonl")
    Path file();

    @WithDefault("100M")
    MemorySize maxFileSize();

    /** Rolled-over files kept besides the current one. */
    @WithDefault("10")
    int maxFiles();

    /** How long shutdown waits for the queued events to be written; those left are counted as dropped. */
    @WithDefault("5s")
    Duration drainTimeout();

    /**
     * Whether a decision event carries the request it answered (field {@code request}), so that
     * real carts can be replayed against a draft rule book. Personal data stays out: the shopper's
     * id and first name, and the storefront's session id. Segments, average order value, order
     * count, size, colours and children's ages stay in, as rules read them.
     */
    @WithDefault("false")
    boolean carts();

    /** Events waiting to be written; past that, new ones are dropped (and counted) rather than wait. */
    @WithDefault("10000")
    int queue();
}
