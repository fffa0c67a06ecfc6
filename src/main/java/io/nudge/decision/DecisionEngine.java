package io.nudge.decision;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.kie.api.runtime.KieSession;

import io.nudge.money.Money;

/** Runs one cart through the rules and arbitrates what they propose. */
@ApplicationScoped
public class DecisionEngine {

    private final Arbitration arbitration;
    private final int maxFirings;
    private final long timeBudgetNanos;
    private final RuleFaults faults;

    public DecisionEngine(DecisionConfig config, RuleFaults faults) {
        this.arbitration = new Arbitration(config.maxNudges());
        this.maxFirings = config.maxFirings();
        this.timeBudgetNanos = config.timeBudget().toNanos();
        this.faults = faults;
    }

    /** Decides with {@code book} for a validated request. */
    public Decision decide(RuleBook book, NudgeRequest request) {
        return decide(book, request, false);
    }

    /** Decides, and with {@code explain} records why; without it nothing extra runs. */
    public Decision decide(RuleBook book, NudgeRequest request, boolean explain) {
        Facts facts = RequestFacts.of(request, book.catalog());
        Proposals proposals = new Proposals();
        Explanation.Recorder recorder = explain ? new Explanation.Recorder() : null;
        RuleFault fault = fire(book, facts, proposals, recorder);
        Arbitration.Outcome outcome = arbitration.arbitrate(proposals.candidates(), proposals.excludedSkus(), facts.cart());
        Cart cart = facts.cart();
        var nudges = outcome.shown().stream()
                .map(pick -> Copywriter.write(pick, cart, facts.shopper(), facts.context().locale()))
                .toList();
        return new Decision(UUID.randomUUID().toString(), book.version(), cart.currency(),
                Money.shown(cart.subtotal(), cart.currencyUnit()), nudges, recorder == null ? null : recorder.explain(outcome, fault));
    }

    /**
     * Runs the rules over the facts; a faulty rule must not fail the checkout, so what it cut
     * short is returned (and recorded), and the proposals made before it stand.
     */
    private RuleFault fire(RuleBook book, Facts facts, Proposals proposals, Explanation.Recorder recorder) {
        KieSession session = book.newSession();
        try {
            session.addEventListener(proposals);
            if (recorder != null) {
                session.addEventListener(recorder);
            }
            session.insert(facts.cart());
            facts.cart().items().forEach(session::insert);
            session.insert(facts.shopper());
            session.insert(facts.context());
            FiringBudget budget = new FiringBudget(book.inEffectAt(facts.context().at()), timeBudgetNanos);
            RuleFault cut = budget.fault(session.fireAllRules(budget, maxFirings), maxFirings);
            if (cut != null) {
                faults.record(book, cut, null);
            }
            return cut;
        } catch (RuntimeException e) {
            // Drools raises a rule's failure in a condition or a `from` as whatever the rule threw.
            RuleFault failed = RuleFault.of(e);
            faults.record(book, failed, e);
            return failed;
        } finally {
            session.dispose();
        }
    }
}
