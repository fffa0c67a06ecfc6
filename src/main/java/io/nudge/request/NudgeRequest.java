package io.nudge.request;

import static io.nudge.request.Accepts.Input.AMOUNT;
import static io.nudge.request.Accepts.Input.CURRENCY;
import static io.nudge.request.Accepts.Input.ITEMS;
import static io.nudge.request.Accepts.Input.LANGUAGE_TAG;
import static io.nudge.request.Accepts.Input.QUANTITY;
import static io.nudge.request.Accepts.Input.TEXT;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/** The body of {@code POST /v1/nudges}: the cart, and what the storefront knows of the shopper and the visit. */
public record NudgeRequest(@NotNull @Valid CartInput cart, @Valid ShopperInput shopper, @Valid ContextInput context) {

    public record CartInput(
            @NotNull @Accepts(CURRENCY) String currency,
            @NotNull @Accepts(ITEMS) List<@NotNull @Valid LineItemInput> items) {
    }

    /** A cart line. Fields other than sku, quantity and price are filled from the catalog when missing. */
    public record LineItemInput(
            @NotBlank @Accepts(TEXT) String sku,
            @NotNull @Accepts(QUANTITY) Integer quantity,
            @NotNull @Accepts(AMOUNT) BigDecimal price,
            @Accepts(TEXT) String name,
            @Accepts(TEXT) String category,
            @Accepts(TEXT) String line,
            @Accepts(ITEMS) List<@NotNull @Accepts(TEXT) String> tags) {
    }

    public record ShopperInput(
            @Accepts(TEXT) String id,
            @Accepts(TEXT) String firstName,
            @Accepts(ITEMS) List<@NotNull @Accepts(TEXT) String> segments,
            @Accepts(AMOUNT) BigDecimal averageOrderValue,
            @Min(0) Integer orderCount,
            @Accepts(TEXT) String size,
            @Accepts(ITEMS) List<@NotNull @Accepts(TEXT) String> preferredColors,
            @Accepts(ITEMS) List<@NotNull @Min(0) @Max(120) Integer> childrenAges) {

        /** Withholds everything: the shopper's personal data must not reach a log through a request. */
        @Override
        public String toString() {
            return "ShopperInput[withheld]";
        }
    }

    public record ContextInput(
            @Accepts(TEXT) String channel,
            @Accepts(TEXT) String country,
            @Accepts(TEXT) String region,
            @Accepts(LANGUAGE_TAG) String locale,
            @Accepts(TEXT) String weather,
            @JsonDeserialize(using = MomentAsText.class) Instant at,
            @Accepts(TEXT) String sessionId) {
    }

    /** Who the shopper is for holdout groups: their id, else the storefront's session id; null when neither is sent. */
    public String shopperKey() {
        if (shopper != null && shopper.id() != null && !shopper.id().isBlank()) {
            return shopper.id();
        }
        return context == null || context.sessionId() == null || context.sessionId().isBlank() ? null : context.sessionId();
    }
}
