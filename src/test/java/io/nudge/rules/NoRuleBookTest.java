package io.nudge.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.kie.api.runtime.KieRuntimeBuilder;

import io.nudge.catalog.ProductCatalog;
import io.nudge.testing.FixedDecisionConfig;
import io.nudge.testing.FixedRulesConfig;

/** When the built-in rule book cannot serve and no folder replaces it, the service is up but not ready, and says why. */
class NoRuleBookTest {

    @Test
    void shouldBeNotReadyWithTheReasonAndRefuseToDecide() {
        KieRuntimeBuilder broken = (KieRuntimeBuilder) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { KieRuntimeBuilder.class }, (proxy, method, args) -> {
                    throw new IllegalStateException("the build left no rules");
                });
        FixedRulesConfig settings = new FixedRulesConfig("no-such-folder", RulesConfig.Reload.OFF, Duration.ofMillis(500),
                Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC, Duration.ofSeconds(1), Duration.ofMinutes(2), List.of("en"));
        ActiveRules rules = new ActiveRules(broken,
                new RuleCheck(new ScenarioCheck(FixedDecisionConfig.DEFAULTS, null, settings), settings, () -> ProductCatalog.EMPTY), settings,
                new SimpleMeterRegistry(), new RulesAudit(change -> {
                }));

        HealthCheckResponse readiness = new RulesLoadedCheck(rules).call();

        assertThat(readiness.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(readiness.getData()).hasValueSatisfying(data -> assertThat(data.get("reason"))
                .isEqualTo("the built-in rule book cannot serve: the build left no rules"));
        assertThat(rules.notServing()).isNotNull();
        assertThatThrownBy(rules::current).isInstanceOf(NoRuleBook.class).hasMessageContaining("the build left no rules");
    }
}
