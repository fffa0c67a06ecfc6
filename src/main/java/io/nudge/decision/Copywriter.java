package io.nudge.decision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nudge.vocabulary.Product;
import io.nudge.money.Money;
import io.nudge.money.MoneyFormat;
import io.nudge.vocabulary.Candidate;
import io.nudge.vocabulary.Cart;
import io.nudge.vocabulary.Shopper;

/** Turns a picked candidate into the words and amounts the shopper reads, in the shopper's language. */
final class Copywriter {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private Copywriter() {
    }

    static Nudge write(Arbitration.Pick pick, Cart cart, Shopper shopper, Locale locale, Instant at, Messages messages) {
        Candidate candidate = pick.proposal().candidate();
        Currency currency = cart.currencyUnit();
        // The nudge's own message for a shopper known by name, else its rule's (@named, as a table row gives it).
        String namedMessage = candidate.getNamedMessage() != null ? candidate.getNamedMessage() : pick.proposal().rule().named();
        boolean named = shopper.firstName() != null && !shopper.firstName().isBlank() && namedMessage != null;
        String template = messages.in(locale, named ? namedMessage : candidate.getMessage());
        // Filled in one pass, so that a value holding a placeholder ("{line}" as a first name) is shown as typed.
        Map<String, String> values = new HashMap<>();
        BigDecimal remaining = null;
        BigDecimal goal = null;
        if (candidate.getThreshold() != null) {
            remaining = Money.stillNeeded(candidate.getThreshold().getRemaining(), currency);
            goal = Money.shown(candidate.getThreshold().getAmount(), currency);
            values.put("remaining", MoneyFormat.format(remaining, currency, locale));
            values.put("threshold", MoneyFormat.format(goal, currency, locale));
        }
        if (named) {
            values.put("firstName", shopper.firstName().strip());
        }
        if (candidate.getAbout() != null) {
            values.put("product", candidate.getAbout());
        }
        pick.products().stream().map(Product::line).filter(Objects::nonNull).findFirst().ifPresent(line -> values.put("line", line));
        String message = PLACEHOLDER.matcher(template)
                .replaceAll(placeholder -> Matcher.quoteReplacement(values.getOrDefault(placeholder.group(1), placeholder.group())));
        var products = pick.products().stream().map(product -> suggested(product, cart, at)).toList();
        return new Nudge(candidate.getType(), pick.proposal().rule().name(), pick.proposal().priority(), message,
                remaining, goal, products);
    }

    /**
     * Priced in the cart's currency at the moment of the decision (a sale price while the sale runs), or without
     * a price where the catalog has none in it: never another currency's relabelled.
     */
    private static Nudge.SuggestedProduct suggested(Product product, Cart cart, Instant at) {
        BigDecimal price = product.priceIn(cart.currency(), at);
        return new Nudge.SuggestedProduct(product.sku(), product.name(), product.category(),
                price == null ? null : Money.shown(price, cart.currencyUnit()));
    }
}
