package io.nudge.lift;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/** The service's holdouts, from configuration: one instance for the engine and the events. */
@Singleton
class HoldoutsFromConfig {

    private static final Logger LOG = Logger.getLogger(HoldoutsFromConfig.class);

    @Produces
    @Singleton
    Holdouts holdouts(LiftConfig config) {
        return new Holdouts(config.salt(), config.holdout());
    }

    void warnOfThePublicSalt(@Observes StartupEvent started, LiftConfig config) {
        String warning = saltWarning(config.salt());
        if (warning != null) {
            LOG.warn(warning);
        }
    }

    /** What to say at start-up about the salt; null when it is the shop's own. */
    static String saltWarning(String salt) {
        return LiftConfig.PUBLIC_SALT.equals(salt) ? "nudge.lift.salt is the public default: anyone can hash a guessable"
                + " shopper id (an email, an order number) and find it in the events. Set a secret salt of your own." : null;
    }
}
