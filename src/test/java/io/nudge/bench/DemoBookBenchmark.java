package io.nudge.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.nudge.catalog.ProductCatalog;
import io.nudge.testing.Catalogs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nudge.decision.HoldoutPolicy;

import io.nudge.decision.Decision;
import io.nudge.testing.FixedDecisionConfig;
import io.nudge.decision.DecisionEngine;
import io.nudge.request.NudgeRequest;
import io.nudge.request.RequestFacts;
import io.nudge.decision.RuleBook;
import io.nudge.decision.RuleFaults;
import io.nudge.rules.RuleCompiler;
import io.nudge.rules.RuleProblem;
import io.nudge.rules.RuleSources;
import io.nudge.rules.Scenario;

/**
 * The demo rule book on one thread, over the carts of its scenarios (each rule and its edges):
 * the service's own engine, arbitration and copy, without HTTP, JSON or validation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class DemoBookBenchmark {

    /** A feed served beside the demo catalog (bench/catalog sets it), or none. */
    @Param({ "none" })
    public String extraFeed;

    private DecisionEngine engine;
    private RuleBook book;
    private ProductCatalog catalog;
    private List<NudgeRequest> carts;
    private int next;

    @Setup
    public void compile() {
        ServiceLogLevel.apply();
        RuleSources sources = RuleSources.fromFolder(Path.of("rules"));
        book = new RuleCompiler().compile(sources).book();
        catalog = extraFeed.equals("none") ? Catalogs.demo() : Catalogs.demo(extraFeed);
        List<RuleProblem> unreadable = new ArrayList<>();
        carts = sources.scenarioFiles(unreadable).stream().flatMap(file -> file.scenarios().stream())
                .map(Scenario::request).toList();
        if (book == null || !unreadable.isEmpty() || carts.isEmpty()) {
            throw new IllegalStateException("the demo rule book or its scenarios do not load: " + unreadable);
        }
        engine = new DecisionEngine(FixedDecisionConfig.DEFAULTS, new RuleFaults(new SimpleMeterRegistry()), HoldoutPolicy.NONE);
    }

    @Benchmark
    public Decision decide() {
        int i = next;
        next = i + 1 == carts.size() ? 0 : i + 1;
        return engine.decide(book, RequestFacts.of(carts.get(i), catalog), false);
    }
}
