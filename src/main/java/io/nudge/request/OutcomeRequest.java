package io.nudge.request;

import static io.nudge.request.Accepts.Input.AMOUNT;
import static io.nudge.request.Accepts.Input.CURRENCY;
import static io.nudge.request.Accepts.Input.ITEMS;
import static io.nudge.request.Accepts.Input.QUANTITY;
import static io.nudge.request.Accepts.Input.TEXT;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** The body of {@code POST /v1/outcomes}: the order that followed a decision. */
public record OutcomeRequest(
        @NotBlank @Accepts(TEXT) String decisionId,
        @NotNull @Accepts(AMOUNT) BigDecimal orderTotal,
        @NotNull @Accepts(CURRENCY) String currency,
        @Accepts(ITEMS) List<@NotNull @Valid OrderLine> items) {

    public record OrderLine(
            @NotBlank @Accepts(TEXT) String sku,
            @NotNull @Accepts(QUANTITY) Integer quantity,
            @NotNull @Accepts(AMOUNT) BigDecimal price) {
    }
}
