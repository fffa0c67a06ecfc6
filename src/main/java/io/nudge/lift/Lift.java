package io.nudge.lift;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.nudge.request.OutcomeRequest;
import io.nudge.decision.Decided;
import io.nudge.decision.Fate;

/**
 * Makes every decision measurable: counts per rule (fired, shown, held out, dropped and why),
 * times the decision, and emits the decision and outcome events the lift report reads.
 * Tags stay few: rule names, nudge types and reason codes, never a sku or a shopper.
 */
@ApplicationScoped
public class Lift {

    private final MeterRegistry registry;
    private final EventLog events;
    private final Holdouts holdouts;
    private final Timer latency;
    private final DistributionSummary nudgesPerAnswer;

    Lift(MeterRegistry registry, EventLog events, Holdouts holdouts) {
        this.registry = registry;
        this.events = events;
        this.holdouts = holdouts;
        this.latency = Timer.builder("nudge.decision.latency").description("Time to decide, from validated request to answer")
                .publishPercentileHistogram().register(registry);
        this.nudgesPerAnswer = DistributionSummary.builder("nudge.decision.nudges").description("Nudges shown per answer")
                .publishPercentileHistogram().maximumExpectedValue(10.0).register(registry);
    }

    /** Records a decision the service answered, which took {@code nanos}. */
    public void decided(Decided decided, long nanos) {
        latency.record(nanos, TimeUnit.NANOSECONDS);
        nudgesPerAnswer.record(decided.decision().nudges().size());
        decided.fired().forEach(rule -> registry.counter("nudge.rule.fired", "rule", rule).increment());
        for (Fate fate : decided.fates()) {
            switch (fate.outcome()) {
                case SHOWN -> count("nudge.rule.shown", fate).increment();
                case HELD_OUT -> count("nudge.rule.held.out", fate).increment();
                case DROPPED -> Counter.builder("nudge.rule.dropped").tag("rule", fate.rule()).tag("type", fate.type().name())
                        .tag("reason", fate.reason().code()).register(registry).increment();
            }
        }
        events.emit(DecisionEvent.of(decided, Instant.now(), holdouts.pseudonym(decided.shopperKey())));
    }

    /** Records the order that followed a decision. */
    public void ordered(OutcomeRequest outcome) {
        events.emit(OutcomeEvent.of(outcome, Instant.now()));
    }

    private Counter count(String name, Fate fate) {
        return registry.counter(name, "rule", fate.rule(), "type", fate.type().name());
    }
}
