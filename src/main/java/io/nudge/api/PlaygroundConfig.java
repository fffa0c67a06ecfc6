package io.nudge.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "nudge.playground")
public interface PlaygroundConfig {

    /** Serve the playground at /playground (and send / there). The container images turn it off. */
    @WithDefault("true")
    boolean enabled();
}
