package io.nudge.bench;

import java.util.logging.Level;

import org.jboss.logmanager.LogContext;

/**
 * Outside Quarkus nothing configures JBoss LogManager, which then leaves every logger at TRACE:
 * Drools would build and publish a trace line per network step and dominate the timings.
 */
final class ServiceLogLevel {

    private ServiceLogLevel() {
    }

    /** Log at INFO, as the service does. */
    static void apply() {
        LogContext.getLogContext().getLogger("").setLevel(Level.INFO);
    }
}
