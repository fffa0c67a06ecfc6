package io.nudge.lift;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.nudge.request.NudgeRequest;
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
    private final Map<Tally, Counter> counters = new ConcurrentHashMap<>();
    private final boolean recordsCarts;

    Lift(MeterRegistry registry, EventLog events, Holdouts holdouts, EventsConfig config) {
        this.registry = registry;
        this.events = events;
        this.holdouts = holdouts;
        this.recordsCarts = config.carts();
        this.latency = Timer.builder("nudge.decision.latency").description("Time to decide, from validated request to answer")
                .publishPercentileHistogram().register(registry);
        this.nudgesPerAnswer = DistributionSummary.builder("nudge.decision.nudges").description("Nudges shown per answer")
                .publishPercentileHistogram().maximumExpectedValue(10.0).register(registry);
    }

    /** Records a decision the service answered to {@code request}, which took {@code nanos}. */
    public void decided(Decided decided, NudgeRequest request, long nanos) {
        latency.record(nanos, TimeUnit.NANOSECONDS);
        nudgesPerAnswer.record(decided.decision().nudges().size());
        decided.fired().forEach(rule -> counter(new Tally("nudge.rule.fired", rule, null, null)).increment());
        for (Fate fate : decided.fates()) {
            String type = fate.type().name();
            switch (fate.outcome()) {
                case SHOWN -> counter(new Tally("nudge.rule.shown", fate.rule(), type, null)).increment();
                case HELD_OUT -> counter(new Tally("nudge.rule.held.out", fate.rule(), type, null)).increment();
                case DROPPED -> counter(new Tally("nudge.rule.dropped", fate.rule(), type, fate.reason().code())).increment();
            }
        }
        events.emit(DecisionEvent.of(decided, Instant.now(), holdouts.pseudonym(decided.shopperKey()),
                recordsCarts ? request.withoutPersonalData() : null));
    }

    /** Records the order that followed a decision. */
    public void ordered(OutcomeRequest outcome) {
        events.emit(OutcomeEvent.of(outcome, Instant.now()));
    }

    /**
     * The counter of one tally, registered on first use. Kept here because looking a counter up in
     * the registry builds and sorts its tags on every decision.
     */
    private Counter counter(Tally tally) {
        return counters.computeIfAbsent(tally, t -> {
            Counter.Builder counter = Counter.builder(t.name()).tag("rule", t.rule());
            if (t.type() != null) {
                counter.tag("type", t.type());
            }
            if (t.reason() != null) {
                counter.tag("reason", t.reason());
            }
            return counter.register(registry);
        });
    }

    /** What a rule counter counts: its name and tags; type and reason only where the counter has them. */
    private record Tally(String name, String rule, String type, String reason) {
    }
}
