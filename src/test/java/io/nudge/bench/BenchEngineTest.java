package io.nudge.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import io.nudge.testing.Slow;

/** Every formulation, the floor included, decides every cart of the shared workload exactly as its reference does. */
@Slow
class BenchEngineTest {

    static final Path WORKLOAD = Path.of(System.getProperty("nudge.workload", "target/workload"));

    @ParameterizedTest(name = "N = {0}, {1}")
    @CsvSource({ "10, TABLE", "10, GENERATED", "100, TABLE", "100, GENERATED", "1000, TABLE", "10, FLOOR", "10000, FLOOR" })
    void shouldDecideEveryCartAsTheReference(int n, BenchEngine.Formulation formulation) {
        assumeTrue(Files.exists(WORKLOAD.resolve("meta.json")),
                "no workload in " + WORKLOAD + ": node ../shared/bench-workload/gen-workload.mjs " + WORKLOAD);
        Workload workload = Workload.load(WORKLOAD, n);
        Decider engine = BenchEngine.build(workload.rules(), formulation);
        for (int i = 0; i < workload.carts().size(); i++) {
            Workload.Cart cart = workload.carts().get(i);
            assertThat(engine.decide(cart.id(), BenchEngine.facts(cart))).as("cart %s", cart.id()).isEqualTo(workload.expected().get(i));
        }
    }
}
