package io.nudge.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.nudge.catalog.ActiveCatalog;
import io.nudge.lift.EventsConfig;
import io.nudge.rules.ActiveRules;
import io.nudge.rules.CheckReport;

/**
 * The replay on the server ({@code POST /v1/rules/preview}): the rule folder, as a reload would read it, against the
 * rules serving, over the carts the service recorded in its event files. One preview at a time, on one core, so that
 * decisions keep the others.
 */
@ApplicationScoped
public class Preview {

    private final ActiveRules rules;
    private final ActiveCatalog catalog;
    private final Replay replay;
    private final EventsConfig events;

    Preview(ActiveRules rules, ActiveCatalog catalog, Replay replay, EventsConfig events) {
        this.rules = rules;
        this.catalog = catalog;
        this.replay = replay;
        this.events = events;
    }

    /** Why the recorded carts cannot be replayed here; null when they can. */
    public String unavailable() {
        if (events.sink() != EventsConfig.Sink.FILE) {
            return "the preview replays the event files, and events go to " + events.sink().name().toLowerCase(java.util.Locale.ROOT)
                    + " here: export the recorded carts and run ./check-rules --replay";
        }
        return null;
    }

    /** The rule folder checked, and replayed over the carts recorded within {@code window} before now. */
    public synchronized DraftReport preview(Duration window, int examples) throws IOException {
        CheckReport draft = rules.checkFolder();
        if (draft.book() == null) {
            return new DraftReport(draft.summary(), null);
        }
        Path folder = events.file().toAbsolutePath().getParent();
        RecordedCarts carts = RecordedCarts.of(Files.isDirectory(folder) ? List.of(folder) : List.of());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ReplayReport replayed = replay.replay(draft.book(), rules.current(), catalog.currentOrEmpty(), carts,
                new Replay.Options(now, now.minus(window), examples, false));
        return new DraftReport(draft.summary(), replayed);
    }
}
