package io.nudge.request;

import java.math.BigDecimal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How much a request may hold. The body size limit is {@code quarkus.http.limits.max-body-size}. */
@ConfigMapping(prefix = "nudge.limits")
public interface LimitsConfig {

    /** Items in a cart, and entries in any other list. */
    @WithDefault("500")
    int items();

    /** Characters in a sku or any other string. */
    @WithDefault("128")
    int textLength();

    /** The largest price or other amount. */
    @WithDefault("1000000000")
    BigDecimal amount();

    /** Decimal places an amount may carry; more than a currency's minor unit is fine. */
    @WithDefault("10")
    int decimals();

    /** The largest quantity of one line. */
    @WithDefault("1000000")
    int quantity();

    /** How deeply JSON objects and arrays may nest. */
    @WithDefault("1000")
    int nestingDepth();
}
