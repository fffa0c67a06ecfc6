package io.nudge.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.nudge.catalog.ActiveCatalog;
import io.nudge.lift.EventsConfig;
import io.nudge.rules.ActiveRules;
import io.nudge.rules.RulesConfig;

/**
 * The replay on the server ({@code POST /v1/rules/preview}): the rule folder, as a reload would read it, or a draft folder,
 * against the rules serving, over the carts the service recorded in its event files. One preview at a time, on one core, so that
 * decisions keep the others, and within {@code nudge.rules.preview-timeout}: each runs on a thread of its own, which is interrupted
 * and let go at the limit, so that a draft rule that never returns holds no later preview.
 */
@ApplicationScoped
public class Preview {

    private static final Pattern DRAFT_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

    private final ActiveRules rules;
    private final ActiveCatalog catalog;
    private final Replay replay;
    private final EventsConfig events;
    private final RulesConfig config;
    private final Semaphore oneAtATime = new Semaphore(1);
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "nudge-preview");
        thread.setDaemon(true);
        return thread;
    });

    /** A preview that could not run or end within its time limit, and why, in the merchandiser's words. */
    public static final class Stopped extends RuntimeException {

        private final boolean busy;

        Stopped(boolean busy, String why) {
            super(why, null, false, false);
            this.busy = busy;
        }

        /** True when another preview held the way; false when this one ran out of time. */
        public boolean busy() {
            return busy;
        }
    }

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

    /**
     * {@code folder} checked, and replayed over the carts recorded within {@code window} before now; {@link Stopped} when another
     * preview holds the way or this one reaches {@code nudge.rules.preview-timeout}.
     */
    public DraftReport preview(Path folder, Duration window, int examples) throws IOException {
        Duration limit = config.previewTimeout();
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            if (!oneAtATime.tryAcquire(limit.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new Stopped(true, "another preview ran for all of nudge.rules.preview-timeout (" + limit + "): try again once it ends");
            }
            try {
                Future<DraftReport> run = threads.submit(() -> {
                    RecordedCarts carts = RecordedCarts.inFolder(events.file().toAbsolutePath().getParent());
                    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                    return replay.review(rules.check(folder), rules.current(), catalog.currentOrEmpty(), carts,
                            new Replay.Options(now, now.minus(window), examples, false));
                });
                try {
                    return run.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    run.cancel(true);
                    throw new Stopped(false, "the preview did not end within nudge.rules.preview-timeout (" + limit + ") and was stopped:"
                            + " a rule of the draft may loop or wait (./check-rules --replay on a copy of the event files shows which),"
                            + " or the days hold more carts than fit in it: preview fewer days");
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
                }
            } finally {
                oneAtATime.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped(false, "the preview was interrupted, as the service is stopping");
        }
    }
}
