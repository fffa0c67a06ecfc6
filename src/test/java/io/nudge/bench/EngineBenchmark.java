package io.nudge.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

import io.nudge.vocabulary.Cart;

/**
 * One decision on one thread, for N pair rules in each formulation. Before any timing, every
 * cart's decision is checked against expected-N.jsonl; the rule-base build time and the heap
 * after the build go to target/jmh-engine-setup.jsonl.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = { "-Xms4g", "-Xmx4g" })
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class EngineBenchmark {

    @Param({ "10", "100", "1000", "10000" })
    int n;

    @Param({ "TABLE", "GENERATED", "FLOOR" })
    BenchEngine.Formulation formulation;

    private Decider engine;
    private List<Cart> carts;
    private List<String> ids;
    private int next;

    @Setup
    public void buildAndCheck() {
        ServiceLogLevel.apply();
        Workload workload = Workload.load(BenchEngineTest.WORKLOAD, n);
        long started = System.nanoTime();
        engine = BenchEngine.build(workload.rules(), formulation);
        long buildMillis = (System.nanoTime() - started) / 1_000_000;
        carts = workload.carts().stream().map(BenchEngine::facts).toList();
        ids = workload.carts().stream().map(Workload.Cart::id).toList();
        for (int i = 0; i < carts.size(); i++) {
            Workload.Expected decided = engine.decide(ids.get(i), carts.get(i));
            if (!decided.equals(workload.expected().get(i))) {
                throw new IllegalStateException("wrong decision for " + ids.get(i) + ": " + decided + ", expected " + workload.expected().get(i));
            }
        }
        record("{\"n\":%d,\"formulation\":\"%s\",\"buildMillis\":%d,\"heapAfterBuildMb\":%d,\"cartsChecked\":%d}"
                .formatted(n, formulation, buildMillis, usedHeapAfterGc() >> 20, carts.size()));
    }

    @Benchmark
    public Workload.Expected decide() {
        int i = next;
        next = i + 1 == carts.size() ? 0 : i + 1;
        return engine.decide(ids.get(i), carts.get(i));
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void record(String line) {
        try {
            Files.writeString(Path.of("target", "jmh-engine-setup.jsonl"), line + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
