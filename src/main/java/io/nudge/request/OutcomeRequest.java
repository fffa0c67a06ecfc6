package io.nudge.request;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/outcomes}: the order that followed a decision. {@link RequestCheck} holds it to its rules. */
public record OutcomeRequest(
        @Schema(required = true, pattern = "\\S") String decisionId,
        @Schema(required = true, minimum = "0") BigDecimal orderTotal,
        @Schema(required = true, description = "ISO 4217 code of a currency in use", example = "USD") String currency,
        List<OrderLine> items) {

    public record OrderLine(
            @Schema(required = true, pattern = "\\S") String sku,
            @Schema(required = true, minimum = "1") Integer quantity,
            @Schema(required = true, minimum = "0") BigDecimal price) {
    }
}
