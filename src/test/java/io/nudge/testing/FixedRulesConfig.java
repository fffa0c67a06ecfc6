package io.nudge.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import io.nudge.rules.RulesConfig;

/** Rule settings for building rule checks outside Quarkus; what tests do not vary keeps the service's default. */
public record FixedRulesConfig(String dir, Reload reload, Duration debounce, Instant scenarioTime, ZoneId zone,
        Duration checkTimeBudget, Duration checkTimeout, List<String> languages) implements RulesConfig {

    @Override
    public boolean warmUp() {
        return true;
    }

    @Override
    public int historySize() {
        return 5;
    }

    @Override
    public String drafts() {
        return "drafts";
    }

    @Override
    public Duration previewTimeout() {
        return Duration.ofSeconds(60);
    }
}
