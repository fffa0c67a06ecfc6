package io.nudge.decision;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

import io.nudge.money.Money;
import io.nudge.decision.RuleBook;

/** Runs one cart through the rules and arbitrates what they propose. */
@ApplicationScoped
public class DecisionEngine {

    private static final Logger LOG = Logger.getLogger(DecisionEngine.class);

    /** Rule faults already logged, by rules version and rule: each is logged once, not per request. */
    private static final int MAX_FAULTS_LOGGED = 1000;

    private final Arbitration arbitration;
    private final int maxFirings;
    private final Set<String> faultsLogged = ConcurrentHashMap.newKeySet();

    public DecisionEngine(DecisionConfig config) {
        this.arbitration = new Arbitration(config.maxNudges());
        this.maxFirings = config.maxFirings();
    }

    private void logOnce(RuleBook book, ConsequenceException e) {
        String rule = e.getMatch() == null ? "unknown" : e.getMatch().getRule().getName();
        if (faultsLogged.size() < MAX_FAULTS_LOGGED && faultsLogged.add(book.version() + "/" + rule)) {
            LOG.errorf(e.getCause(), "Rule \"%s\" (rules %s) failed; decisions answer without it. Logged once per rule.", rule, book.version());
        }
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
            if (session.fireAllRules(book.inEffectAt(facts.context().at()), maxFirings) >= maxFirings) {
                LOG.warnf("A decision with rules %s stopped after %d rule firings: a rule keeps re-activating", book.version(), maxFirings);
            }
        } catch (ConsequenceException e) {
            // A faulty rule must not fail the checkout: the nudges proposed by the rules that
            // completed before it still stand.
            logOnce(book, e);
        } finally {
            session.dispose();
        }
        Arbitration.Outcome outcome = arbitration.arbitrate(proposals.candidates(), proposals.excludedSkus(), facts.cart());
        Cart cart = facts.cart();
        var nudges = outcome.shown().stream()
                .map(pick -> Copywriter.write(pick, cart, facts.shopper(), facts.context().locale()))
                .toList();
        return new Decision(UUID.randomUUID().toString(), book.version(), cart.currency(),
                Money.shown(cart.subtotal(), cart.currencyUnit()), nudges, recorder == null ? null : recorder.explain(outcome));
    }
}
