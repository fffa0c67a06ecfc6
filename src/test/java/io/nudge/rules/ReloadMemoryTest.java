package io.nudge.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.nudge.testing.TestRuleBook;

import io.nudge.decision.RuleBook;
import io.nudge.testing.Slow;

/** A hundred reloads must not grow memory: each build's KieModule leaves the repository, old books become garbage. */
@Slow
class ReloadMemoryTest {

    private static final int RELOADS = 100;

    @Test
    void shouldKeepMemoryFlatOverAHundredReloads() {
        RuleSources book = RuleSources.fromFolder(TestRuleBook.FOLDER);
        RuleCompiler compiler = new RuleCompiler();
        RuleBook serving = null;
        long afterWarmUp = 0;
        for (int reload = 1; reload <= RELOADS; reload++) {
            // Each reload differs from the one before, as an edit would.
            TreeMap<String, String> files = new TreeMap<>(book.files());
            files.put("shipping.drl", files.get("shipping.drl") + "\n// reload " + reload);
            serving = compiler.compile(new RuleSources(files, new TreeMap<>())).book();
            assertThat(serving).as("reload %d", reload).isNotNull();
            if (reload == 20) {
                afterWarmUp = usedHeapAfterGc();
            }
        }
        long afterAll = usedHeapAfterGc();
        System.out.printf("Heap after GC: %d MB after 20 reloads, %d MB after %d%n", afterWarmUp >> 20, afterAll >> 20, RELOADS);
        assertThat(afterAll - afterWarmUp).as("heap growth from reload 20 to %d", RELOADS).isLessThan(16L << 20);
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
