package io.nudge.lift;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.nudge.request.OutcomeRequest;

/** The order that followed a decision, as the storefront reported it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutcomeEvent(String event, String decisionId, Instant at, BigDecimal orderTotal, String currency,
        List<OutcomeRequest.OrderLine> items) {

    public static final String TYPE = "outcome";

    static OutcomeEvent of(OutcomeRequest request, Instant at) {
        return new OutcomeEvent(TYPE, request.decisionId(), at, request.orderTotal(), request.currency(), request.items());
    }
}
