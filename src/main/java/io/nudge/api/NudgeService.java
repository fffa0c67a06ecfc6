package io.nudge.api;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.nudge.decision.Decided;
import io.nudge.decision.Decision;
import io.nudge.decision.DecisionEngine;
import io.nudge.decision.Facts;
import io.nudge.decision.RuleBook;
import io.nudge.lift.Lift;
import io.nudge.money.Money;
import io.nudge.request.NudgeRequest;
import io.nudge.request.RequestFacts;
import io.nudge.rules.ActiveRules;
import io.nudge.catalog.ActiveCatalog;
import io.nudge.vocabulary.Cart;
import io.nudge.vocabulary.Catalog;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * Answers a storefront's cart: decides with the rule book serving now, times the decision and
 * records it for lift. Rules run on a pool of decision threads, never on the I/O thread: a rule
 * whose {@code then} part blocks or loops holds one decision thread, not the connections, and at
 * the deadline the storefront gets an answer without nudges. A thread a rule holds past the deadline
 * is blamed on that rule and replaced, up to {@code nudge.decision.spare-threads}, so that capacity comes back.
 */
@ApplicationScoped
public class NudgeService {

    private static final Logger LOG = Logger.getLogger(NudgeService.class);
    private static final long LOG_ABANDONED_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final ActiveRules rules;
    private final ActiveCatalog catalogs;
    private final DecisionEngine engine;
    private final Lift lift;
    private final Vertx vertx;
    private final long deadlineMillis;
    private final Counter abandoned;
    private final ThreadPoolExecutor deciders;
    private final int threads;
    private final int spareThreads;
    /** Decision threads a rule holds past the deadline: as many spare threads run in their place, {@link #spareThreads} at most. */
    private final AtomicInteger held = new AtomicInteger();
    /** Decisions waiting for a decision thread; past {@link #maxQueued} a cart is answered without nudges at once. */
    private final AtomicInteger queued = new AtomicInteger();
    /** When the last line about abandoned decisions was logged, and how many since. */
    private final AtomicLong abandonedLoggedAt = new AtomicLong(System.nanoTime() - LOG_ABANDONED_EVERY_NANOS);
    private final AtomicLong abandonedSinceLogged = new AtomicLong();
    private final int maxQueued;

    NudgeService(ActiveRules rules, ActiveCatalog catalogs, DecisionEngine engine, Lift lift, AnswerConfig config, MeterRegistry registry, Vertx vertx) {
        this.rules = rules;
        this.catalogs = catalogs;
        this.engine = engine;
        this.lift = lift;
        this.vertx = vertx;
        this.deadlineMillis = Math.max(1, config.deadline().toMillis());
        this.abandoned = Counter.builder("nudge.decisions.abandoned")
                .description("Decisions still running at nudge.decision.deadline: answered without nudges")
                .register(registry);
        // Rules only compute: a few threads keep the cores busy, more would only switch between each other.
        this.threads = config.threads();
        this.spareThreads = config.spareThreads();
        AtomicInteger started = new AtomicInteger();
        // A spare thread leaves as soon as it is idle once the thread it stood in for is back.
        this.deciders = new ThreadPoolExecutor(threads, threads + spareThreads, 1, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "nudge-decision-" + started.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.maxQueued = config.queue();
        Gauge.builder("nudge.decision.threads", deciders, ThreadPoolExecutor::getPoolSize)
                .description("Decision threads running: nudge.decision.threads, and a spare one for each held past the deadline")
                .register(registry);
        Gauge.builder("nudge.decision.threads.held", held, AtomicInteger::get)
                .description("Decision threads a rule holds past nudge.decision.deadline; spare threads run in their place")
                .register(registry);
        Gauge.builder("nudge.decisions.queued", queued, AtomicInteger::get)
                .description("Carts waiting for a decision thread (nudge.decision.queue at most)")
                .register(registry);
    }

    @PreDestroy
    void close() {
        deciders.shutdown();
    }

    /** The decision for a validated request; with {@code explain}, why. Without nudges when the rules run past the deadline. */
    public CompletionStage<Decision> decide(NudgeRequest request, boolean explain) {
        long start = System.nanoTime();
        // One book and one catalog from start to end, even if a reload swaps either meanwhile.
        RuleBook book = rules.current();
        Catalog catalog = catalogs.current();
        if (queued.incrementAndGet() > maxQueued) {
            // Every decision thread is held (a rule blocks) and the queue is full: answer now rather than queue forever.
            queued.decrementAndGet();
            Decided now = withoutNudges(book, catalog, request, Decided.QUEUE_FULL);
            abandoned(now, request, start);
            return CompletableFuture.completedFuture(now.decision());
        }
        Promise<Decision> answer = Promise.promise();
        Running running = new Running();
        // Called on the I/O thread: the timer and the result both come back to it, one after the other.
        Context context = vertx.getOrCreateContext();
        long timer = vertx.setTimer(deadlineMillis, fired -> {
            Decided late = withoutNudges(book, catalog, request, Decided.DEADLINE);
            if (answer.tryComplete(late.decision())) {
                abandoned(late, request, start);
                Thread holder = running.heldPastDeadline();
                if (holder != null) {
                    engine.pastDeadline(book, holder);
                    held.incrementAndGet();
                    resize();
                }
            }
        });
        try {
            deciders.execute(() -> decide(book, catalog, request, explain, answer, running, context, timer, start));
        } catch (RuntimeException refused) {
            // The executor is closed (the service stops): no timer may outlive the request.
            queued.decrementAndGet();
            vertx.cancelTimer(timer);
            return CompletableFuture.failedFuture(refused);
        }
        return answer.future().toCompletionStage();
    }

    /** On a decision thread: decides, unless the cart was answered at the deadline while it queued, and answers on the I/O thread. */
    private void decide(RuleBook book, Catalog catalog, NudgeRequest request, boolean explain, Promise<Decision> answer, Running running,
            Context context, long timer, long start) {
        queued.decrementAndGet();
        Decided decided = null;
        Throwable failure = null;
        if (!answer.future().isComplete()) {
            running.start();
            try {
                decided = engine.run(book, RequestFacts.of(request, catalog), explain);
            } catch (RuntimeException | Error e) {
                failure = e;
            } finally {
                if (running.finish()) {
                    held.decrementAndGet();
                    resize();
                }
            }
        }
        Decided result = decided;
        Throwable failed = failure;
        context.runOnContext(done -> {
            vertx.cancelTimer(timer);
            if (failed != null) {
                answer.tryFail(failed);
            } else if (result != null && answer.tryComplete(result.decision())) {
                // Only the answer the storefront gets is recorded: not one that came after the deadline.
                lift.decided(result, request, System.nanoTime() - start);
            }
        });
    }

    /** As many decision threads as configured, plus one for each held past the deadline, {@link #spareThreads} at most. */
    private synchronized void resize() {
        deciders.setCorePoolSize(threads + Math.min(held.get(), spareThreads));
    }

    /** One decision on its thread: which thread, whether it ended, and whether it was still running at the deadline. */
    private static final class Running {

        private Thread thread;
        private boolean finished;
        private boolean held;

        synchronized void start() {
            thread = Thread.currentThread();
        }

        /** The thread still running the decision at the deadline, now counted as held; null when it runs none. */
        synchronized Thread heldPastDeadline() {
            held = thread != null && !finished;
            return held ? thread : null;
        }

        /** Ends the decision; true when its thread had been counted as held. */
        synchronized boolean finish() {
            finished = true;
            return held;
        }
    }

    private static Decided withoutNudges(RuleBook book, Catalog catalog, NudgeRequest request, String why) {
        Facts facts = RequestFacts.of(request, catalog);
        Cart cart = facts.cart();
        return Decided.abandoned(new Decision(UUID.randomUUID().toString(), book.version(), cart.currency(),
                Money.shown(cart.subtotal(), cart.currencyUnit()), List.of(), null), facts.shopperKey(), why);
    }

    /**
     * Records an answer given without the rules like any other (its event says why, so the outcome posted for it has
     * its decision), counts it, and says so in the log at most once a minute: a rule that blocks abandons every cart.
     */
    private void abandoned(Decided answer, NudgeRequest request, long start) {
        lift.decided(answer, request, System.nanoTime() - start);
        abandoned.increment();
        abandonedSinceLogged.incrementAndGet();
        long last = abandonedLoggedAt.get();
        long now = System.nanoTime();
        if (now - last >= LOG_ABANDONED_EVERY_NANOS && abandonedLoggedAt.compareAndSet(last, now)) {
            long unlogged = abandonedSinceLogged.getAndSet(0);
            LOG.warnf("%d decision(s) answered without nudges since the last such line: the rules ran past nudge.decision.deadline,"
                    + " or every decision thread was held. A rule's then part blocks or loops: see nudge_decisions_abandoned_total,"
                    + " and nudge_rule_faults_total once it returns. At most one such line a minute.", unlogged);
        }
    }
}
