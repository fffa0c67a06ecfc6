package io.nudge.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.nudge.catalog.ActiveCatalog;
import io.nudge.lift.EventsConfig;
import io.nudge.rules.ActiveRules;
import io.nudge.rules.RulesConfig;

/**
 * The replay on the server ({@code POST /v1/rules/preview}): the rule folder, as a reload would read it, or a draft folder,
 * against the rules serving, over the carts the service recorded in its event files. One preview at a time, on one core, so that
 * decisions keep the others.
 */
@ApplicationScoped
public class Preview {

    private static final Pattern DRAFT_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

    private final ActiveRules rules;
    private final ActiveCatalog catalog;
    private final Replay replay;
    private final EventsConfig events;
    private final RulesConfig config;

    Preview(ActiveRules rules, ActiveCatalog catalog, Replay replay, EventsConfig events, RulesConfig config) {
        this.rules = rules;
        this.catalog = catalog;
        this.replay = replay;
        this.events = events;
        this.config = config;
    }

    /** Why the recorded carts cannot be replayed here; null when they can. */
    public String unavailable() {
        if (events.sink() != EventsConfig.Sink.FILE) {
            return "the preview replays the event files, and events go to " + events.sink().name().toLowerCase(Locale.ROOT)
                    + " here: export the recorded carts and run ./check-rules --replay";
        }
        return null;
    }

    /**
     * The folder a preview checks: the rule folder when {@code draft} is null, else the folder of that name among the drafts
     * ({@code nudge.rules.drafts}); empty when there is no such draft. A name is one folder's name, never a path.
     */
    public Optional<Path> folderOf(String draft) {
        if (draft == null) {
            return Optional.of(rules.folder());
        }
        if (!isDraftName(draft)) {
            return Optional.empty();
        }
        Path folder = Path.of(config.drafts()).resolve(draft);
        return Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty();
    }

    /** Whether {@code name} can name a draft: one folder's name, never a path. */
    public static boolean isDraftName(String name) {
        return DRAFT_NAME.matcher(name).matches();
    }

    /** {@code folder} checked, and replayed over the carts recorded within {@code window} before now. */
    public synchronized DraftReport preview(Path folder, Duration window, int examples) throws IOException {
        RecordedCarts carts = RecordedCarts.inFolder(events.file().toAbsolutePath().getParent());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return replay.review(rules.check(folder), rules.current(), catalog.currentOrEmpty(), carts,
                new Replay.Options(now, now.minus(window), examples, false));
    }
}
