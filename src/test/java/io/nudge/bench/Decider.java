package io.nudge.bench;

import io.nudge.vocabulary.Cart;

/** Decides a workload cart as the workload's contract asks (../shared/bench-workload/ref.mjs). */
public interface Decider {

    Workload.Expected decide(String id, Cart cart);
}
