package io.nudge.lift;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The service's holdouts, from configuration: one instance for the engine and the events. */
@Singleton
class HoldoutsFromConfig {

    @Produces
    @Singleton
    Holdouts holdouts(LiftConfig config) {
        return new Holdouts(config.salt(), config.holdout());
    }
}
