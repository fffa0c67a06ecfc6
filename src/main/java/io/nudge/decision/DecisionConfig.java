package io.nudge.decision;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "nudge.decision")
public interface DecisionConfig {

    /** The most nudges one answer shows. */
    @WithDefault("3")
    int maxNudges();
}
