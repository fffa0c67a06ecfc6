package io.nudge.rules;

import static io.nudge.testing.NudgeApi.decide;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.nudge.testing.ScratchRules;
import io.nudge.testing.Slow;
import io.nudge.testing.TestRuleBook;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Reloads through the service, each one swapped in and decided with, must not grow memory: old
 * books and the classes compiled for them become garbage. Heap, loaded classes and Metaspace are
 * measured after a warm-up and again at the end.
 */
@Slow
@QuarkusTest
@TestProfile(ReloadMemoryTest.ScratchFolder.class)
class ReloadMemoryTest {

    static final Path FOLDER = ScratchRules.folder("memory");
    private static final int WARM_UP = 10;
    private static final int RELOADS = 60;

    public static class ScratchFolder implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            ScratchRules.reset(FOLDER);
            return Map.of("nudge.rules.dir", FOLDER.toString(), "nudge.rules.reload", "manual");
        }
    }

    private record Usage(long heap, long classes, long metaspace) {
    }

    @Test
    void shouldKeepMemoryFlatOverReloadsThatServe() {
        Usage afterWarmUp = null;
        for (int reload = 1; reload <= RELOADS; reload++) {
            // Each reload differs from the one before, as an edit would, and serves a decision.
            ScratchRules.write(FOLDER, "reload.drl", "package nudge;\n// reload " + reload + "\n");
            String version = ScratchRules.reload().statusCode(200).extract().path("version");
            decide(TestRuleBook.SERUM_CART).statusCode(200).body("rulesVersion", equalTo(version));
            if (reload == WARM_UP) {
                afterWarmUp = usage();
            }
        }
        Usage atEnd = usage();
        System.out.printf("After %d reloads: %s; after %d: %s%n", WARM_UP, afterWarmUp, RELOADS, atEnd);

        assertThat(atEnd.heap() - afterWarmUp.heap()).as("heap growth").isLessThan(16L << 20);
        assertThat(atEnd.metaspace() - afterWarmUp.metaspace()).as("Metaspace growth").isLessThan(16L << 20);
        assertThat(atEnd.classes() - afterWarmUp.classes()).as("classes still loaded").isLessThan(1_000);
    }

    private static Usage usage() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        long metaspace = ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getName().equals("Metaspace"))
                .mapToLong(pool -> pool.getUsage().getUsed()).sum();
        return new Usage(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), classes.getLoadedClassCount(), metaspace);
    }
}
