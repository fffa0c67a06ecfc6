package io.nudge.request;

/** A field of a request, as a path such as {@code cart.items[0].price}, and what is wrong with it. */
public record FieldProblem(String field, String message) {
}
