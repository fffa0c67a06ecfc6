package io.nudge.request;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * The body of {@code POST /v1/nudges}: the cart, and what the storefront knows of the shopper and the
 * visit. {@link RequestCheck} holds each field to its rules and the configured limits. Written
 * back (a recorded cart in an event), fields left out stay out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NudgeRequest(@Schema(required = true) CartInput cart, ShopperInput shopper, ContextInput context) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CartInput(
            @Schema(required = true, description = "ISO 4217 code of a currency in use", example = "USD") String currency,
            @Schema(required = true) List<LineItemInput> items) {
    }

    /** A cart line. Fields other than sku, quantity and price are filled from the catalog when missing. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LineItemInput(
            @Schema(required = true, pattern = "\\S") String sku,
            @Schema(required = true, minimum = "1") Integer quantity,
            @Schema(required = true, minimum = "0") BigDecimal price,
            String name,
            String category,
            String line,
            List<String> tags) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ShopperInput(
            String id,
            String firstName,
            List<String> segments,
            @Schema(minimum = "0") BigDecimal averageOrderValue,
            @Schema(minimum = "0") Integer orderCount,
            String size,
            List<String> preferredColors,
            @Schema(description = "Each from 0 to 120") List<Integer> childrenAges) {

        /** Withholds everything: the shopper's personal data must not reach a log through a request. */
        @Override
        public String toString() {
            return "ShopperInput[withheld]";
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContextInput(
            String channel,
            String country,
            String region,
            @Schema(description = "BCP 47 language tag", example = "en-US") String locale,
            String weather,
            @JsonDeserialize(using = MomentAsText.class) Instant at,
            String sessionId) {
    }

    /**
     * This request without what identifies the shopper (their id and first name, and the session
     * id): what a recorded cart keeps, with everything rules read about the shopper.
     */
    public NudgeRequest withoutPersonalData() {
        ShopperInput anonymous = shopper == null ? null : new ShopperInput(null, null, shopper.segments(),
                shopper.averageOrderValue(), shopper.orderCount(), shopper.size(), shopper.preferredColors(), shopper.childrenAges());
        ContextInput sessionless = context == null ? null : new ContextInput(context.channel(), context.country(), context.region(),
                context.locale(), context.weather(), context.at(), null);
        return new NudgeRequest(cart, anonymous, sessionless);
    }

    /** This request decided at {@code at}, unless its context says a time of its own. */
    public NudgeRequest atUnlessSaid(Instant at) {
        if (context != null && context.at() != null) {
            return this;
        }
        ContextInput timed = context == null ? new ContextInput(null, null, null, null, null, at, null)
                : new ContextInput(context.channel(), context.country(), context.region(), context.locale(), context.weather(), at,
                        context.sessionId());
        return new NudgeRequest(cart, shopper, timed);
    }

    /** Who the shopper is for holdout groups: their id, else the storefront's session id; null when neither is sent. */
    public String shopperKey() {
        if (shopper != null && shopper.id() != null && !shopper.id().isBlank()) {
            return shopper.id();
        }
        return context == null || context.sessionId() == null || context.sessionId().isBlank() ? null : context.sessionId();
    }
}
