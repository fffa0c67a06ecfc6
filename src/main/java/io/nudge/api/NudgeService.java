package io.nudge.api;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nudge.decision.Decided;
import io.nudge.decision.Decision;
import io.nudge.decision.DecisionConfig;
import io.nudge.decision.DecisionEngine;
import io.nudge.decision.RuleBook;
import io.nudge.lift.Lift;
import io.nudge.money.Money;
import io.nudge.request.NudgeRequest;
import io.nudge.request.RequestFacts;
import io.nudge.rules.ActiveRules;
import io.nudge.vocabulary.Cart;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Answers a storefront's cart: decides with the rule book serving now, times the decision and
 * records it for lift. Rules run on a worker thread, never on the I/O thread: a rule whose
 * {@code then} part blocks or loops holds that worker, not the connections, and at the
 * deadline the storefront gets an answer without nudges.
 */
@ApplicationScoped
public class NudgeService {

    private static final Logger LOG = Logger.getLogger(NudgeService.class);

    private final ActiveRules rules;
    private final DecisionEngine engine;
    private final Lift lift;
    private final long deadlineNanos;
    private final Counter abandoned;
    private final Executor workers = Infrastructure.getDefaultWorkerPool();

    NudgeService(ActiveRules rules, DecisionEngine engine, Lift lift, DecisionConfig config, MeterRegistry registry) {
        this.rules = rules;
        this.engine = engine;
        this.lift = lift;
        this.deadlineNanos = config.deadline().toNanos();
        this.abandoned = Counter.builder("nudge.decisions.abandoned")
                .description("Decisions still running at nudge.decision.deadline: answered without nudges")
                .register(registry);
    }

    /** The decision for a validated request; with {@code explain}, why. Without nudges when the rules run past the deadline. */
    public CompletionStage<Decision> decide(NudgeRequest request, boolean explain) {
        long start = System.nanoTime();
        // One book from start to end, even if a reload swaps it meanwhile.
        RuleBook book = rules.current();
        CompletableFuture<Decision> answer = new CompletableFuture<>();
        workers.execute(() -> {
            try {
                Decided decided = engine.run(book, RequestFacts.of(request, book.catalog()), explain);
                // Only the answer the storefront gets is recorded: not one that came after the deadline.
                if (answer.complete(decided.decision())) {
                    lift.decided(decided, System.nanoTime() - start);
                }
            } catch (RuntimeException | Error e) {
                answer.completeExceptionally(e);
            }
        });
        return answer.orTimeout(deadlineNanos, TimeUnit.NANOSECONDS).exceptionallyCompose(failure -> failure instanceof TimeoutException
                ? CompletableFuture.completedFuture(withoutNudges(book, request))
                : CompletableFuture.failedFuture(failure));
    }

    private Decision withoutNudges(RuleBook book, NudgeRequest request) {
        abandoned.increment();
        LOG.warnf("A decision ran past nudge.decision.deadline and was answered without nudges; its rules still hold a worker"
                + " thread. A rule's then part blocks or loops: see nudge_rule_faults_total and the rules' own log lines.");
        Cart cart = RequestFacts.of(request, book.catalog()).cart();
        return new Decision(UUID.randomUUID().toString(), book.version(), cart.currency(),
                Money.shown(cart.subtotal(), cart.currencyUnit()), List.of(), null);
    }
}
