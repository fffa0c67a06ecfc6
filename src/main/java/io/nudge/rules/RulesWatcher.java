package io.nudge.rules;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/** With {@code nudge.rules.reload=watch}: reloads once the rule folder has been quiet for the debounce time after a save. */
@ApplicationScoped
public class RulesWatcher {

    private static final Logger LOG = Logger.getLogger(RulesWatcher.class);

    private final ActiveRules rules;
    private final RulesConfig config;
    private final ScheduledExecutorService reloads = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "nudge-rules-watch");
        thread.setDaemon(true);
        return thread;
    });
    /** The rule folder's own folders, watched too: scenarios and translations. */
    private static final List<Path> SUBFOLDERS = List.of(Path.of(RuleSources.SCENARIOS), Path.of(RuleSources.MESSAGES));

    private WatchService watch;
    /** The keys that watch the rule folder and its own folders, not the folder around it. */
    private final List<WatchKey> folderKeys = new ArrayList<>();
    private ScheduledFuture<?> pending;

    RulesWatcher(ActiveRules rules, RulesConfig config) {
        this.rules = rules;
        this.config = config;
    }

    void start(@Observes StartupEvent started) throws IOException {
        if (config.reload() != RulesConfig.Reload.WATCH || !rules.reloadable()) {
            return;
        }
        Path folder = rules.folder();
        if (!Files.isDirectory(folder)) {
            LOG.warnf("nudge.rules.reload=watch, but the rule folder %s does not exist: nothing to watch", folder.toAbsolutePath());
            return;
        }
        watch = folder.getFileSystem().newWatchService();
        watchRuleFolder();
        Thread listener = new Thread(this::listen, "nudge-rules-watch-events");
        listener.setDaemon(true);
        listener.start();
        LOG.infof("Watching %s for rule changes", folder.toAbsolutePath());
    }

    /**
     * Watches the rule folder, its scenarios and messages, and the folder it sits in (for a swap by rename).
     * The keys of a folder watched before are cancelled: after a swap they would watch the old one.
     */
    private synchronized void watchRuleFolder() throws IOException {
        try {
            register(parent());
        } catch (IOException e) {
            LOG.warnf("Cannot watch %s, so a rule folder swapped in by rename is not noticed: %s", parent(), e.getMessage());
        }
        folderKeys.forEach(WatchKey::cancel);
        folderKeys.clear();
        folderKeys.add(register(rules.folder()));
        for (Path subfolder : SUBFOLDERS) {
            watchSubfolder(subfolder);
        }
    }

    private void watchNewSubfolder(Path subfolder) {
        try {
            watchSubfolder(subfolder);
        } catch (IOException e) {
            LOG.warnf("Cannot watch %s: %s", rules.folder().resolve(subfolder), e.getMessage());
        }
    }

    /** Watches scenarios/ or messages/ once it exists, also when it is made after the watch began. */
    private synchronized void watchSubfolder(Path subfolder) throws IOException {
        Path folder = rules.folder().resolve(subfolder);
        if (Files.isDirectory(folder)) {
            folderKeys.add(register(folder));
        }
    }

    private Path parent() {
        return rules.folder().toAbsolutePath().getParent();
    }

    private WatchKey register(Path folder) throws IOException {
        return folder.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
    }

    private void listen() {
        try {
            while (true) {
                WatchKey key = watch.take();
                List<WatchEvent<?>> events = key.pollEvents();
                boolean stillWatched = key.reset();
                if (key.watchable().equals(parent())) {
                    // Only the rule folder's own name matters here: it was moved away, or another moved in.
                    if (events.stream().anyMatch(event -> rules.folder().getFileName().equals(event.context()))) {
                        watchAgainWhenBack();
                    }
                    continue;
                }
                if (!stillWatched) {
                    watchAgainWhenBack();
                } else {
                    SUBFOLDERS.stream().filter(subfolder -> events.stream().anyMatch(event -> subfolder.equals(event.context())))
                            .forEach(this::watchNewSubfolder);
                }
                scheduleReload();
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A rule folder deleted and created again, or swapped for another by a rename (as deploy
     * tools do), is watched again once it is back, and what it then holds is loaded: its files
     * were all there before the watch began, so no save would announce them.
     */
    private void watchAgainWhenBack() {
        reloads.schedule(() -> {
            try {
                if (Files.isDirectory(rules.folder())) {
                    watchRuleFolder();
                    scheduleReload();
                } else {
                    watchAgainWhenBack();
                }
            } catch (IOException e) {
                LOG.warnf("Cannot watch %s again: %s", rules.folder(), e.getMessage());
            }
        }, config.debounce().toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void scheduleReload() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = reloads.schedule(() -> {
            try {
                rules.reload("watch", null);
            } catch (RuntimeException e) {
                LOG.error("Watched rule reload failed; the rules serving keep serving", e);
            }
        }, config.debounce().toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() throws IOException {
        reloads.shutdownNow();
        if (watch != null) {
            watch.close();
        }
    }
}
