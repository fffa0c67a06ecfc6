package io.nudge.decision;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.kie.api.runtime.KieSession;

import io.nudge.money.Money;
import io.nudge.vocabulary.BoughtTogether;
import io.nudge.vocabulary.Cart;
import io.nudge.vocabulary.LineItem;
import io.nudge.vocabulary.Product;

/** Runs one cart through the rules, holds out what the shopper's holdout groups say, and arbitrates the rest. */
@ApplicationScoped
public class DecisionEngine {

    private final Arbitration arbitration;
    private final int maxFirings;
    private final long timeBudgetNanos;
    private final FaultRecorder faults;
    private final HoldoutPolicy holdouts;
    /** The budget of the decision each thread runs now, so that a decision still running at the deadline can blame its rule. */
    private final Map<Thread, FiringBudget> running = new ConcurrentHashMap<>();

    public DecisionEngine(DecisionConfig config, FaultRecorder faults, HoldoutPolicy holdouts) {
        this.arbitration = new Arbitration(config.maxNudges(), config.maxProducts());
        this.maxFirings = config.maxFirings();
        this.timeBudgetNanos = config.timeBudget().toNanos();
        this.faults = faults;
        this.holdouts = holdouts;
    }

    /**
     * Tells the engine that the decision {@code thread} runs with {@code book} was answered at the deadline: the rule whose then
     * part runs now (if one does) is at fault, and counted as running past its budget.
     */
    public void pastDeadline(RuleBook book, Thread thread) {
        FiringBudget budget = running.get(thread);
        String rule = budget == null ? null : budget.firing();
        if (rule != null) {
            budget.overdue();
            faults.record(book, new RuleFault(rule, RuleFault.Kind.DEADLINE), null);
        }
    }

    /** Decides with {@code book}; with {@code explain} it records why, without it nothing extra runs. */
    public Decision decide(RuleBook book, Facts facts, boolean explain) {
        return run(book, facts, explain).decision();
    }

    /** Decides, keeping what became of every proposed nudge. */
    public Decided run(RuleBook book, Facts facts, boolean explain) {
        Proposals proposals = new Proposals(book);
        Explanation.Recorder recorder = explain ? new Explanation.Recorder(book) : null;
        Set<String> fired = new HashSet<>();
        RuleFault fault = fire(book, facts, proposals, recorder, fired);

        List<Fate> fates = new ArrayList<>();
        List<Proposal> inPlay = new ArrayList<>();
        for (Proposal proposal : proposals.candidates()) {
            if (holdouts.heldOut(proposal.rule(), facts.shopperKey())) {
                fates.add(Fate.heldOut(proposal));
            } else {
                inPlay.add(proposal);
            }
        }
        Arbitration.Outcome outcome = arbitration.arbitrate(inPlay, proposals.excludedSkus(), facts.cart());
        outcome.shown().forEach(pick -> fates.add(Fate.shown(pick.proposal())));
        fates.addAll(outcome.dropped());

        Cart cart = facts.cart();
        var nudges = outcome.shown().stream()
                .map(pick -> Copywriter.write(pick, cart, facts.shopper(), facts.context().locale(), facts.context().at(), book.messages()))
                .toList();
        Decision decision = new Decision(UUID.randomUUID().toString(), book.version(), cart.currency(),
                Money.shown(cart.subtotal(), cart.currencyUnit()), nudges, recorder == null ? null : recorder.explain(outcome, fault));
        Map<String, Integer> holdoutPercents = new TreeMap<>();
        for (String rule : fired) {
            RuleInfo info = book.rule(rule);
            int percent = info == null ? 0 : holdouts.percent(info);
            if (percent > 0) {
                holdoutPercents.put(rule, percent);
            }
        }
        return new Decided(decision, facts.shopperKey(), fired, fates, holdoutPercents);
    }

    /**
     * Runs the rules over the facts; a faulty rule must not fail the checkout, so what it cut
     * short is returned (and recorded), and the proposals made before it stand.
     */
    private RuleFault fire(RuleBook book, Facts facts, Proposals proposals, Explanation.Recorder recorder, Set<String> fired) {
        KieSession session = book.newSession(facts.catalog());
        // A long cart legitimately fires more: each rule may fire once more for every line.
        int cap = maxFirings + facts.cart().items().size() * book.rules().size();
        FiringBudget budget = new FiringBudget(book.inEffectAt(facts.context().at()), timeBudgetNanos, cap);
        running.put(Thread.currentThread(), budget);
        try {
            session.addEventListener(proposals);
            session.addEventListener(budget);
            if (recorder != null) {
                session.addEventListener(recorder);
            }
            session.insert(facts.cart());
            for (LineItem item : facts.cart().items()) {
                session.insert(item);
                // Pairs are looked up here, once a line, rather than by a rule's `from`, which costs a pass through the network each.
                List<Product> partners = facts.catalog().boughtWith(item.sku());
                if (!partners.isEmpty()) {
                    session.insert(new BoughtTogether(item, partners));
                }
            }
            session.insert(facts.shopper());
            session.insert(facts.context());
            session.fireAllRules(budget);
            RuleFault cut = budget.fault();
            // A rule blamed at the deadline already ran past its budget once for this decision.
            if (cut != null && !(budget.isOverdue() && cut.kind() == RuleFault.Kind.TIME_BUDGET)) {
                faults.record(book, cut, null);
            }
            return cut;
        } catch (RuntimeException | Error e) {
            // Drools raises a rule's failure in a condition or a `from` as whatever the rule threw, and an Error of any
            // rule as it is: a stack overflow in a rule must not fail the checkout either. A JVM out of memory is not
            // the rule's doing, and no answer from it could be trusted.
            if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                throw e;
            }
            RuleFault failed = RuleFault.of(e, budget.firing());
            faults.record(book, failed, e);
            return failed;
        } finally {
            running.remove(Thread.currentThread());
            fired.addAll(budget.fired());
            session.dispose();
        }
    }
}
