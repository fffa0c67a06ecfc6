package io.nudge.decision;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

import io.nudge.vocabulary.Product;
import io.nudge.money.Money;
import io.nudge.money.MoneyFormat;
import io.nudge.vocabulary.Candidate;
import io.nudge.vocabulary.Cart;
import io.nudge.vocabulary.NudgeType;
import io.nudge.vocabulary.Shopper;

/** Turns a picked candidate into the words and amounts the shopper reads. */
final class Copywriter {

    private Copywriter() {
    }

    static Nudge write(Arbitration.Pick pick, Cart cart, Shopper shopper, Locale locale) {
        Candidate candidate = pick.proposal().candidate();
        Currency currency = cart.currencyUnit();
        BigDecimal remaining = null;
        BigDecimal goal = null;
        String message = candidate.getMessage();
        if (candidate.getThreshold() != null) {
            remaining = Money.stillNeeded(candidate.getThreshold().getRemaining(), currency);
            goal = Money.shown(candidate.getThreshold().getAmount(), currency);
            message = message
                    .replace("{remaining}", MoneyFormat.format(remaining, currency, locale))
                    .replace("{threshold}", MoneyFormat.format(goal, currency, locale));
        }
        if (candidate.getType().shape() == NudgeType.Shape.PRODUCTS) {
            message = addressed(shopper.firstName(), message);
        }
        var products = pick.products().stream().map(product -> suggested(product, cart)).toList();
        return new Nudge(candidate.getType(), pick.proposal().rule().name(), candidate.getType().priority(), message,
                remaining, goal, products);
    }

    /** "Complete your Hydra routine" becomes "Ana, complete your Hydra routine" for a shopper named Ana. */
    static String addressed(String firstName, String message) {
        if (firstName == null || firstName.isBlank() || message.isEmpty()) {
            return message;
        }
        return firstName.strip() + ", " + Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }

    /** Priced in the cart's currency, or without a price where the catalog has none in it: never another currency's relabelled. */
    private static Nudge.SuggestedProduct suggested(Product product, Cart cart) {
        BigDecimal price = product.priceIn(cart.currency());
        return new Nudge.SuggestedProduct(product.sku(), product.name(), product.category(),
                price == null ? null : Money.shown(price, cart.currencyUnit()));
    }
}
