package io.nudge.rules;

import java.math.BigDecimal;
import java.util.List;

import io.nudge.request.NudgeRequest;
import io.nudge.vocabulary.NudgeType;

/**
 * "This cart gets that message", in the merchandiser's words: a request shaped like the body of
 * {@code POST /v1/nudges}, the nudges it must get, and what it must not get.
 */
public record Scenario(String name, NudgeRequest.CartInput cart, NudgeRequest.ShopperInput shopper,
        NudgeRequest.ContextInput context, List<Expected> expect, List<Unwanted> expectNot) {

    public Scenario {
        expect = expect == null ? List.of() : expect;
        expectNot = expectNot == null ? List.of() : expectNot;
    }

    public NudgeRequest request() {
        return new NudgeRequest(cart, shopper, context);
    }

    /** A nudge that must appear; every field but {@code type} is optional. {@code products} lists skus, in any order. */
    public record Expected(NudgeType type, String rule, BigDecimal amountRemaining, List<String> products, String messageContains) {
    }

    /** Something that must not appear: a nudge type, a rule's nudge, or a sku in any nudge. */
    public record Unwanted(NudgeType type, String rule, String sku) {
    }
}
