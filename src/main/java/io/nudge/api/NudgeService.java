package io.nudge.api;

import jakarta.enterprise.context.ApplicationScoped;

import io.nudge.decision.Decided;
import io.nudge.decision.Decision;
import io.nudge.decision.DecisionEngine;
import io.nudge.decision.RuleBook;
import io.nudge.lift.Lift;
import io.nudge.request.NudgeRequest;
import io.nudge.request.RequestFacts;
import io.nudge.rules.ActiveRules;

/** Answers a storefront's cart: decides with the rule book serving now, times the decision and records it for lift. */
@ApplicationScoped
public class NudgeService {

    private final ActiveRules rules;
    private final DecisionEngine engine;
    private final Lift lift;

    NudgeService(ActiveRules rules, DecisionEngine engine, Lift lift) {
        this.rules = rules;
        this.engine = engine;
        this.lift = lift;
    }

    /** The decision for a validated request; with {@code explain}, why. */
    public Decision decide(NudgeRequest request, boolean explain) {
        long start = System.nanoTime();
        // One book from start to end, even if a reload swaps it meanwhile.
        RuleBook book = rules.current();
        Decided decided = engine.run(book, RequestFacts.of(request, book.catalog()), explain);
        lift.decided(decided, System.nanoTime() - start);
        return decided.decision();
    }
}
