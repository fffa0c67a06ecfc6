package io.nudge.vocabulary;

/** A guard's verdict: this product must not be suggested to this shopper. */
public record Exclusion(Product product) {
}
