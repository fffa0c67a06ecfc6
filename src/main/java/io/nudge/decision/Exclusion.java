package io.nudge.decision;

import io.nudge.catalog.Product;

/** A guard's verdict: this product must not be suggested to this shopper. */
public final class Exclusion {

    private final Product product;

    public Exclusion(Product product) {
        this.product = product;
    }

    public Product getProduct() {
        return product;
    }
}
