package io.nudge.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.nudge.request.NudgeRequest;
import io.nudge.vocabulary.NudgeType;

/**
 * "This cart gets that message", in the merchandiser's words: a request shaped like the body of
 * {@code POST /v1/nudges}, the nudges it must get, what it must not get, or, with
 * {@code expectNone: true}, that it gets no nudge at all.
 */
public record Scenario(String name, NudgeRequest.CartInput cart, NudgeRequest.ShopperInput shopper,
        NudgeRequest.ContextInput context, List<Expected> expect, List<Unwanted> expectNot, boolean expectNone) {

    public Scenario {
        expect = expect == null ? List.of() : expect;
        expectNot = expectNot == null ? List.of() : expectNot;
    }

    public NudgeRequest request() {
        return new NudgeRequest(cart, shopper, context);
    }

    /** The moment of the visit, {@code context.at}; null when the scenario does not say. */
    public Instant at() {
        return context == null ? null : context.at();
    }

    /** This scenario at {@code at}, unless it names its own moment. */
    public Scenario atUnlessSaid(Instant at) {
        return new Scenario(name, cart, shopper, request().atUnlessSaid(at).context(), expect, expectNot, expectNone);
    }

    /** True when the scenario would pass whatever the cart got. */
    public boolean assertsNothing() {
        return expect.isEmpty() && expectNot.isEmpty() && !expectNone;
    }

    /**
     * A nudge that must appear; every field but {@code type} is optional. {@code products} lists
     * skus, in any order; {@code prices} gives suggested products' prices in the cart's currency
     * by sku ({@code null}: shown without a price).
     */
    public record Expected(NudgeType type, String rule, BigDecimal amountRemaining, List<String> products,
            Map<String, BigDecimal> prices, String messageContains) {
    }

    /** Something that must not appear: a nudge of a type, from a rule, or suggesting a sku; every field given must match. */
    public record Unwanted(NudgeType type, String rule, String sku) {
    }
}
