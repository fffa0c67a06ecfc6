package io.nudge.lift;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.ErrorManager;
import java.util.logging.Level;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.SizeRotatingFileHandler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nudge.rules.RuleBookChange;
import io.quarkus.runtime.Startup;

/**
 * Writes events as JSON lines from a thread of its own. Emitting never blocks or fails a
 * decision: when the queue is full, or the sink cannot write, the event is dropped and counted
 * in {@code nudge_events_dropped_total}.
 */
@ApplicationScoped
@Startup
public class EventLog {

    private static final Logger LOG = Logger.getLogger(EventLog.class);
    /** The most events written to the file between two flushes. */
    private static final int FLUSH_EVERY = 256;

    private final EventsConfig config;
    private final ObjectMapper json;
    private final BlockingQueue<Object> queue;
    /** Events queued or being written: shutdown waits for them, not just for an empty queue. */
    private final AtomicInteger unwritten = new AtomicInteger();
    private final Counter written;
    private final Counter droppedFull;
    private final Counter droppedFailed;
    private final Counter droppedAtShutdown;
    private volatile boolean closing;
    private final EventFile file;
    private final Thread writer;
    private final KafkaEvents kafka;

    EventLog(EventsConfig config, ObjectMapper json, MeterRegistry registry, KafkaEvents kafka) throws IOException {
        this.config = config;
        this.kafka = kafka;
        this.json = json;
        this.queue = new ArrayBlockingQueue<>(config.queue());
        this.written = Counter.builder("nudge.events.written")
                .description("Events handed to the sink; those it fails to write also count in nudge_events_dropped_total")
                .tag("sink", sinkName()).register(registry);
        this.droppedFull = dropped(registry, "queue-full");
        this.droppedFailed = dropped(registry, "sink-failed");
        this.droppedAtShutdown = dropped(registry, "shutdown");
        this.file = config.sink() == EventsConfig.Sink.FILE ? openFile() : null;
        this.writer = config.sink() == EventsConfig.Sink.OFF ? null : new Thread(this::write, "nudge-events");
        if (writer != null) {
            writer.setDaemon(true);
            writer.start();
        }
    }

    /** Queues an event for writing; never waits. */
    public void emit(Object event) {
        if (writer == null) {
            return;
        }
        if (closing) {
            droppedAtShutdown.increment();
        } else {
            // Counted before it is queued, so that shutdown never sees an empty count while it waits in the queue.
            unwritten.incrementAndGet();
            if (!queue.offer(event)) {
                unwritten.decrementAndGet();
                droppedFull.increment();
            }
        }
    }

    private void write() {
        try {
            while (true) {
                write(queue.take());
                // Under load, write what queued meanwhile and flush the file once for a batch: a flush
                // per event made file writes the larger part of this thread's CPU. A batch is bounded, so
                // that a hard exit under constant load loses little.
                for (int batch = 1; batch < FLUSH_EVERY; batch++) {
                    Object next = queue.poll();
                    if (next == null) {
                        break;
                    }
                    write(next);
                }
                if (file != null) {
                    file.settle();
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(Object event) throws InterruptedException {
        try {
            String line = json.writeValueAsString(event);
            switch (config.sink()) {
                case FILE -> {
                    // Counted once its batch is flushed: written, or lost one by one with it.
                    file.write(line);
                    return;
                }
                case STDOUT -> System.out.println(line);
                case KAFKA -> {
                    if (!kafka.send(line, droppedFailed::increment)) {
                        throw new IllegalStateException("channel nudge-events is not connected");
                    }
                }
                case OFF -> throw new IllegalStateException("no writer runs without a sink");
            }
            written.increment();
        } catch (JsonProcessingException | RuntimeException e) {
            droppedFailed.increment();
        } catch (InterruptedException stopped) {
            // Shutdown's deadline passed while the broker asked for nothing: this event is lost too.
            droppedAtShutdown.increment();
            throw stopped;
        } finally {
            unwritten.decrementAndGet();
        }
    }

    /** Every load, refusal and rollback of the rules goes into the events too: the audit trail's event. */
    void rulesChanged(@Observes RuleBookChange change) {
        emit(RulesEvent.of(change));
    }

    @PreDestroy
    void close() throws InterruptedException {
        if (writer == null) {
            return;
        }
        // Let the queue drain so that the events of the last requests are written; what cannot be in time is counted lost.
        closing = true;
        long deadline = System.nanoTime() + config.drainTimeout().toNanos();
        while (unwritten.get() > 0 && System.nanoTime() - deadline < 0) {
            Thread.sleep(10);
        }
        writer.interrupt();
        writer.join(1_000);
        droppedAtShutdown.increment(queue.size());
        if (file != null) {
            file.settle();
            file.close();
        }
    }

    private EventFile openFile() throws IOException {
        if (config.file().getParent() != null) {
            Files.createDirectories(config.file().getParent());
        }
        EventFile handler = new EventFile();
        handler.setFile(config.file().toFile());
        LOG.infof("Events go to %s", config.file().toAbsolutePath());
        return handler;
    }

    /**
     * The event file, rotated by size. It knows whether it holds a file open (a rotation that failed leaves it none), opens
     * the file again once it was moved away or its folder came back, and counts each event of a batch as written once the
     * batch is flushed, or as lost, one by one, when the disk refused any of it or no file could be opened.
     */
    private final class EventFile extends SizeRotatingFileHandler {

        private boolean open;
        private boolean failed;
        private int pending;

        EventFile() {
            super(config.maxFileSize().asLongValue(), config.maxFiles());
            setAppend(true);
            setFormatter(new PatternFormatter("%s%n"));
            setAutoFlush(false);
            // A write the disk refuses fails the batch it is in: its events are counted lost rather than printed.
            setErrorManager(new ErrorManager() {
                @Override
                public synchronized void error(String msg, Exception ex, int code) {
                    failed = true;
                }
            });
        }

        @Override
        public void setOutputStream(OutputStream out) {
            // The handler opens and closes the file through here, a failed rotation included.
            open = out != null;
            super.setOutputStream(out);
        }

        void write(String line) {
            if (!open || failed || !Files.isRegularFile(config.file())) {
                reopen();
            }
            if (open) {
                publish(new ExtLogRecord(Level.INFO, line, EventLog.class.getName()));
                pending++;
            } else {
                droppedFailed.increment();
            }
        }

        /** Flushes the batch, and counts its events written or lost. */
        void settle() {
            flush();
            if (failed) {
                droppedFailed.increment(pending);
            } else {
                written.increment(pending);
            }
            pending = 0;
            failed = false;
        }

        private void reopen() {
            // What the batch wrote so far went to a file that is gone, or failed: lost, each counted.
            droppedFailed.increment(pending);
            pending = 0;
            failed = false;
            try {
                if (config.file().getParent() != null) {
                    Files.createDirectories(config.file().getParent());
                }
                setFile(config.file().toFile());
            } catch (IOException | RuntimeException e) {
                open = false;
            }
        }
    }

    private Counter dropped(MeterRegistry registry, String reason) {
        return Counter.builder("nudge.events.dropped").description("Events lost rather than delay or fail a decision")
                .tag("sink", sinkName()).tag("reason", reason).register(registry);
    }

    private String sinkName() {
        return config.sink().name().toLowerCase(Locale.ROOT);
    }
}
