package io.nudge.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "nudge.rules")
public interface RulesConfig {

    /** The rule folder reloads read: DRL files, decision tables, messages/ and scenarios/. */
    @WithDefault("rules")
    String dir();

    /**
     * Where draft rule folders are kept on the server: {@code POST /v1/rules/preview?draft=NAME} replays
     * the carts recorded through the folder NAME there, as a reload would check it, without it serving.
     */
    @WithDefault("drafts")
    String drafts();

    /** watch: reload when a file in the folder is saved; manual: on POST /v1/rules/reload; off: never. */
    @WithDefault("manual")
    Reload reload();

    /** How long the folder must stay quiet after a save before a watched reload starts. */
    @WithDefault("500ms")
    Duration debounce();

    /**
     * When a scenario happens that says neither in its {@code context.at} nor in its file's
     * {@code at}: a fixed moment, so that a check passes or fails the same on any day.
     */
    @WithDefault("2026-03-02T10:00:00Z")
    Instant scenarioTime();

    /**
     * How long one scenario's decision may fire rules in a check: more than the service's
     * {@code nudge.decision.time-budget}, as a check runs on a rule book fresh from the compiler,
     * on whatever machine a merchandiser has.
     */
    @WithDefault("1s")
    Duration checkTimeBudget();

    /**
     * How long {@code POST /v1/rules/preview} may take, check and replay together: a draft rule that loops or waits is stopped
     * there, with an answer that says so, and the next preview does not wait for it.
     */
    @WithDefault("60s")
    Duration previewTimeout();

    /** How long a check may run before it is abandoned and the rules refused: rule code can loop or wait. */
    @WithDefault("2m")
    Duration checkTimeout();

    /** The shop's time zone: a campaign date such as {@code @expires("2027-07-31")} ends at midnight there. */
    @WithDefault("UTC")
    ZoneId zone();

    /**
     * The languages the shop serves, as language tags; the first is the one the rules are
     * written in. The check warns of a message with no translation into one of the others.
     */
    @WithDefault("en")
    List<String> languages();

    /**
     * Whether the built-in rule book runs its scenarios once before it serves, so that the first
     * shoppers' decisions do not load its classes and run past the time budget. The JVM image
     * turns it off: its AOT cache holds those classes already, from a training run that warmed up.
     */
    @WithDefault("true")
    boolean warmUp();

    /**
     * How many rule books that served the service keeps, the one serving included: {@code GET /v1/rules/history} lists them and
     * {@code POST /v1/rules/rollback/{version}} brings one back at once. Each is a compiled rule book held in memory.
     */
    @WithDefault("5")
    int historySize();

    enum Reload {
        WATCH, MANUAL, OFF
    }
}
