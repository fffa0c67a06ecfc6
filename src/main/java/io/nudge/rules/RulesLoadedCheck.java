package io.nudge.rules;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.nudge.decision.RuleBook;

/** Ready only while a rule book with rules is serving; when none does, down with the reason. */
@Readiness
@ApplicationScoped
public class RulesLoadedCheck implements HealthCheck {

    private final ActiveRules rules;

    RulesLoadedCheck(ActiveRules rules) {
        this.rules = rules;
    }

    @Override
    public HealthCheckResponse call() {
        String notServing = rules.notServing();
        if (notServing != null) {
            return HealthCheckResponse.named("rules").down().withData("reason", notServing).build();
        }
        RuleBook book = rules.current();
        return HealthCheckResponse.named("rules")
                .status(!book.rules().isEmpty())
                .withData("version", book.version())
                .withData("rules", book.rules().size())
                .build();
    }
}
