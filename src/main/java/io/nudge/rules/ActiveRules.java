package io.nudge.rules;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.kie.api.runtime.KieRuntimeBuilder;

import io.nudge.decision.RuleBook;

import io.quarkus.runtime.Startup;

/** The rule book the service decides with, built once at start-up so no request pays for it. */
@Startup
@ApplicationScoped
public class ActiveRules {

    private static final Logger LOG = Logger.getLogger(ActiveRules.class);

    private final RuleBook book;

    ActiveRules(KieRuntimeBuilder kieRuntime) {
        this.book = RuleBooks.of(RuleSources.fromClasspath(), kieRuntime.getKieBase());
        LOG.infof("Rule book %s loaded: %d rules, %d catalog products", book.version(), book.rules().size(), book.catalog().size());
    }

    public RuleBook current() {
        return book;
    }
}
