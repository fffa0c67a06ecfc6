package io.nudge.replay;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

import io.nudge.decision.Decided;
import io.nudge.decision.DecisionConfig;
import io.nudge.decision.DecisionEngine;
import io.nudge.decision.Fate;
import io.nudge.decision.HoldoutPolicy;
import io.nudge.decision.RuleBook;
import io.nudge.decision.RuleInfo;
import io.nudge.request.FieldProblem;
import io.nudge.rules.CheckReport;
import io.nudge.request.NudgeRequest;
import io.nudge.request.RequestCheck;
import io.nudge.request.RequestFacts;
import io.nudge.rules.RulesConfig;
import io.nudge.vocabulary.Catalog;
import io.nudge.vocabulary.NudgeType;

/**
 * Runs recorded carts through two rule books, the draft and the live one, and counts what the
 * draft changes. Carts are decided as a rule check decides them: no holdout group hides a nudge,
 * with the check's time budget, and a rule fault is counted, not logged. Lines are read and
 * decided batch by batch, on every core if asked, and counted in file order.
 */
@ApplicationScoped
public class Replay {

    private static final Logger LOG = Logger.getLogger(Replay.class);
    private static final int BATCH = 2048;

    /**
     * @param cartsWithoutTimeAt when carts that say no time of their own are decided
     * @param since carts recorded before it are left out; null: none
     * @param examples how many changed and skipped carts the report shows
     * @param everyCore whether to decide on every core, or on the caller's thread alone
     */
    public record Options(Instant cartsWithoutTimeAt, Instant since, int examples, boolean everyCore) {
    }

    /** Reads lines as the service reads bodies: exact decimals, never a double on the way. */
    private final ObjectReader json;
    private final RequestCheck requests;
    private final DecisionConfig decisions;

    Replay(ObjectMapper json, RequestCheck requests, DecisionConfig decisions, RulesConfig rules) {
        this.json = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
        this.requests = requests;
        this.decisions = decisions.withTimeBudget(rules.checkTimeBudget());
    }

    /** The draft's check and, when the draft could be built, what it changes for {@code carts} against {@code live}. */
    public DraftReport review(CheckReport draft, RuleBook live, Catalog catalog, RecordedCarts carts, Options options) throws IOException {
        return new DraftReport(draft.summary(), draft.book() == null ? null : replay(draft.book(), live, catalog, carts, options));
    }

    private ReplayReport replay(RuleBook draft, RuleBook live, Catalog catalog, RecordedCarts carts, Options options) throws IOException {
        Tally tally = new Tally(draft, live, options);
        DecisionEngine before = new DecisionEngine(decisions, (book, fault, cause) -> tally.faultsBefore.incrementAndGet(), HoldoutPolicy.NONE);
        DecisionEngine after = new DecisionEngine(decisions, (book, fault, cause) -> tally.faultsAfter.incrementAndGet(), HoldoutPolicy.NONE);
        Run run = new Run(options, catalog, live, before, draft, after, new AtomicBoolean());
        carts.forEachBatch(BATCH, batch -> {
            // A preview stopped at its time limit is interrupted: it ends here rather than replay every cart left.
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("the replay was stopped");
            }
            (options.everyCore() ? batch.parallelStream() : batch.stream())
                    .map(line -> replayOrSkip(line, run))
                    .toList().forEach(tally::add);
        });
        return tally.report();
    }

    /** One replay: its options, the catalog, each book with the engine that counts its faults, and whether a failure was logged. */
    private record Run(Options options, Catalog catalog, RuleBook live, DecisionEngine before, RuleBook draft, DecisionEngine after,
            AtomicBoolean failureLogged) {
    }

    /** What one line is, and for a cart what each book decides. */
    private sealed interface Replayed permits NotACart, Skipped, Both {
    }

    /** An outcome event, a decision recorded without its cart, or a cart from before {@code since}. */
    private record NotACart(boolean counted) implements Replayed {
    }

    private record Skipped(String where, String why) implements Replayed {
    }

    /** A cart both books decided; {@code untimed} when it said no time and was decided at the options' moment. */
    private record Both(String where, NudgeRequest request, boolean untimed, Decided before, Decided after) implements Replayed {
    }

    /** One line replayed; a line that fails in a way no check foresaw is skipped, so that one line cannot stop a replay. */
    private Replayed replayOrSkip(RecordedCarts.Line line, Run run) {
        try {
            return replay(line, run);
        } catch (RuntimeException e) {
            // The first with its stack trace; the rest are in the report: one cause can hit every line.
            if (run.failureLogged().compareAndSet(false, true)) {
                LOG.warnf(e, "Cart %s could not be replayed (the first such cart; the others are counted as skipped)", line.where());
            }
            return new Skipped(line.where(), "could not be decided: the log says why");
        }
    }

    private Replayed replay(RecordedCarts.Line line, Run run) {
        Options options = run.options();
        JsonNode node;
        try {
            node = json.readTree(line.text());
        } catch (JsonProcessingException e) {
            return skipped(line, e);
        }
        if (!node.isObject()) {
            return new Skipped(line.where(), "is not a JSON object: each line is a request body or an event");
        }
        JsonNode body = node.has("cart") ? node : node.path("request");
        if (!body.isObject()) {
            return new NotACart(true);
        }
        Instant recordedAt = node.hasNonNull("at") ? instant(node.get("at")) : null;
        if (options.since() != null && (recordedAt == null || recordedAt.isBefore(options.since()))) {
            return new NotACart(false);
        }
        NudgeRequest request;
        try {
            request = json.treeToValue(body, NudgeRequest.class);
        } catch (JsonProcessingException e) {
            return skipped(line, e);
        }
        List<FieldProblem> problems = requests.problemsOf(request);
        if (!problems.isEmpty()) {
            return new Skipped(line.where(), problems.stream().map(problem -> problem.field() + " " + problem.message())
                    .collect(Collectors.joining("; ")));
        }
        boolean untimed = recordedAt == null && (request.context() == null || request.context().at() == null);
        NudgeRequest timed = request.atUnlessSaid(recordedAt != null ? recordedAt : options.cartsWithoutTimeAt());
        return new Both(line.where(), timed, untimed, run.before().run(run.live(), RequestFacts.of(timed, run.catalog()), false),
                run.after().run(run.draft(), RequestFacts.of(timed, run.catalog()), false));
    }

    /** A line the service would answer with a 400, and the field it would name. */
    private static Skipped skipped(RecordedCarts.Line line, JsonProcessingException e) {
        FieldProblem problem = FieldProblem.of(e);
        return new Skipped(line.where(), problem.field() + " " + problem.message());
    }

    private static Instant instant(JsonNode at) {
        try {
            return Instant.parse(at.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The counts, added to in file order. */
    private static final class Tally {

        private final RuleBook draft;
        private final RuleBook live;
        private final Options options;
        private final Map<String, int[]> rules = new TreeMap<>();
        private final Map<NudgeType, int[]> types = new EnumMap<>(NudgeType.class);
        private final List<ReplayReport.ChangedCart> changedCarts = new ArrayList<>();
        private final List<ReplayReport.SkippedCart> skippedCarts = new ArrayList<>();
        final AtomicInteger faultsBefore = new AtomicInteger();
        final AtomicInteger faultsAfter = new AtomicInteger();
        private int carts;
        private int replayed;
        private int skipped;
        private int notCarts;
        private int changed;
        private int untimed;

        Tally(RuleBook draft, RuleBook live, Options options) {
            this.draft = draft;
            this.live = live;
            this.options = options;
            // Every rule of either book is listed, so a rule that never fires shows as such.
            for (RuleBook book : List.of(live, draft)) {
                book.rules().stream().map(RuleInfo::name).forEach(rule -> rules.putIfAbsent(rule, new int[4]));
            }
        }

        void add(Replayed replayed) {
            if (replayed instanceof NotACart notACart) {
                notCarts += notACart.counted() ? 1 : 0;
            } else if (replayed instanceof Skipped cart) {
                carts++;
                skipped++;
                if (skippedCarts.size() < options.examples()) {
                    skippedCarts.add(new ReplayReport.SkippedCart(cart.where(), cart.why()));
                }
            } else if (replayed instanceof Both both) {
                carts++;
                this.replayed++;
                untimed += both.untimed() ? 1 : 0;
                count(both.before(), 0);
                count(both.after(), 1);
                if (!both.before().decision().nudges().equals(both.after().decision().nudges())) {
                    changed++;
                    if (changedCarts.size() < options.examples()) {
                        var before = both.before().decision();
                        changedCarts.add(new ReplayReport.ChangedCart(both.where(), before.currency(), before.subtotal(),
                                both.request().cart().items().size(), before.nudges(), both.after().decision().nudges()));
                    }
                }
            }
        }

        /** Counts a cart once per rule and type: fired at {@code [side]}, shown at {@code [2 + side]}. */
        private void count(Decided decided, int side) {
            decided.fired().forEach(rule -> rules.computeIfAbsent(rule, r -> new int[4])[side]++);
            Set<String> shownRules = new TreeSet<>();
            Set<NudgeType> proposed = new TreeSet<>();
            Set<NudgeType> shownTypes = new TreeSet<>();
            for (Fate fate : decided.fates()) {
                proposed.add(fate.type());
                if (fate.outcome() == Fate.Outcome.SHOWN) {
                    shownRules.add(fate.rule());
                    shownTypes.add(fate.type());
                }
            }
            shownRules.forEach(rule -> rules.computeIfAbsent(rule, r -> new int[4])[2 + side]++);
            proposed.forEach(type -> types.computeIfAbsent(type, t -> new int[4])[side]++);
            shownTypes.forEach(type -> types.computeIfAbsent(type, t -> new int[4])[2 + side]++);
        }

        ReplayReport report() {
            return new ReplayReport(draft.version(), live.version(), options.cartsWithoutTimeAt(), untimed, options.since(), carts, replayed, skipped,
                    notCarts, changed, replayed == 0 ? null : (double) changed / replayed, faultsBefore.get(), faultsAfter.get(),
                    counts(rules), counts(types), changedCarts, skippedCarts);
        }

        private static <K> List<ReplayReport.Count> counts(Map<K, int[]> tallies) {
            return tallies.entrySet().stream().map(entry -> new ReplayReport.Count(entry.getKey().toString(), entry.getValue()[0],
                    entry.getValue()[1], entry.getValue()[2], entry.getValue()[3])).toList();
        }
    }
}
