package io.nudge.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test that takes long: the fuzzer, the browser, a hundred reloads, a watched folder, the
 * benchmark workload. {@code ./mvnw verify} runs them (and CI); {@code -DexcludedGroups=slow} skips them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
public @interface Slow {
}
