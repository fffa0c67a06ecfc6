package io.nudge.lift;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How nudges are measured: holdout groups and the events each decision and order leaves. */
@ConfigMapping(prefix = "nudge.lift")
public interface LiftConfig {

    /** The salt every copy of Nudge starts with: fine for trying, not for a shop's events. */
    String PUBLIC_SALT = "nudge";

    /** Percent of shoppers held out of every rule that sets no {@code @holdout} of its own. */
    @WithDefault("0")
    int holdout();

    /**
     * Mixed into every assignment and into the hashed shopper ids of events. The same on every
     * replica, so a shopper lands in the same group everywhere; a new salt reshuffles the groups.
     */
    @WithDefault(PUBLIC_SALT)
    String salt();
}
