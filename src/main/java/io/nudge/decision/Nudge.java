package io.nudge.decision;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.nudge.vocabulary.NudgeType;

/** A message for the shopper, ready to show: amounts rounded and formatted for the cart and locale. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Nudge(NudgeType type, String rule, int priority, String message,
        BigDecimal amountRemaining, BigDecimal threshold, List<SuggestedProduct> products) {

    /** A product the nudge suggests adding, priced in the cart's currency; no price when the catalog has none in it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SuggestedProduct(String sku, String name, String category, BigDecimal price) {
    }
}
