package io.nudge.rules;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "nudge.rules")
public interface RulesConfig {

    /** The rule folder reloads read: DRL files, catalog.csv and scenarios/. */
    @WithDefault("rules")
    String dir();

    /** watch: reload when a file in the folder is saved; manual: on POST /v1/rules/reload; off: never. */
    @WithDefault("manual")
    Reload reload();

    /** How long the folder must stay quiet after a save before a watched reload starts. */
    @WithDefault("500ms")
    Duration debounce();

    enum Reload {
        WATCH, MANUAL, OFF
    }
}
