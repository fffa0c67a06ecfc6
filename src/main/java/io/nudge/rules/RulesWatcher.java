package io.nudge.rules;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
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
    private WatchService watch;
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
        register(folder);
        Path scenarios = folder.resolve(RuleSources.SCENARIOS);
        if (Files.isDirectory(scenarios)) {
            register(scenarios);
        }
        Thread listener = new Thread(this::listen, "nudge-rules-watch-events");
        listener.setDaemon(true);
        listener.start();
        LOG.infof("Watching %s for rule changes", folder.toAbsolutePath());
    }

    private void register(Path folder) throws IOException {
        folder.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
    }

    private void listen() {
        try {
            while (true) {
                WatchKey key = watch.take();
                key.pollEvents();
                if (!key.reset() && key.watchable() instanceof Path replaced) {
                    reRegisterWhenBack(replaced);
                }
                scheduleReload();
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    /** A folder deleted and created again (as some deploy tools do) is watched again once it is back. */
    private void reRegisterWhenBack(Path folder) {
        reloads.schedule(() -> {
            try {
                if (Files.isDirectory(folder)) {
                    register(folder);
                } else {
                    reRegisterWhenBack(folder);
                }
            } catch (IOException e) {
                LOG.warnf("Cannot watch %s again: %s", folder, e.getMessage());
            }
        }, config.debounce().toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void scheduleReload() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = reloads.schedule(() -> {
            try {
                rules.reload("watch");
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
