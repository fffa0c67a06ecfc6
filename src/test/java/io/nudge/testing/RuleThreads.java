package io.nudge.testing;

import java.util.Arrays;

/** What the threads of the service under test are doing, for tests of rules that take their time. */
public final class RuleThreads {

    private RuleThreads() {
    }

    /** True while a thread waits in a rule's consequence: code of the rules' package calling LockSupport.parkNanos. */
    public static boolean aRuleIsParked() {
        return parkedRules() > 0;
    }

    /** How many threads wait in a rule's consequence. */
    public static long parkedRules() {
        return Thread.getAllStackTraces().values().stream().filter(stack -> stack.length > 1
                && stack[0].getMethodName().equals("park") && Arrays.stream(stack).anyMatch(frame -> frame.getClassName().startsWith("nudge."))).count();
    }
}
