package io.nudge.request;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Singleton;

import io.nudge.money.Money;
import io.nudge.request.NudgeRequest.CartInput;
import io.nudge.request.NudgeRequest.ContextInput;
import io.nudge.request.NudgeRequest.LineItemInput;
import io.nudge.request.NudgeRequest.ShopperInput;
import io.nudge.request.OutcomeRequest.OrderLine;

/**
 * Checks a request's fields against its shape and the configured limits ({@code nudge.limits.*}),
 * naming each field at fault as the API reports it ({@code cart.items[0].price}) with a message that
 * states the rule. Written for these two shapes rather than declared for Hibernate Validator: on
 * the decision path its generic machinery cost a fifth of a decision's CPU, and its start a third
 * of the service's start-up (BENCHMARKS.md). Every field is checked, so one answer names them all.
 */
@Singleton
public class RequestCheck {

    /** What a problem with the whole body is reported against. */
    public static final String BODY = "body";

    static final String MISSING_BODY = "a JSON body is required";
    static final String NOT_NULL = "must not be null";
    static final String NOT_BLANK = "must not be blank";
    /** JSON numbers are at most 1000 characters long, so a larger scale can only come from an exponent. */
    private static final int MAX_WRITTEN_SCALE = 1000;
    /** Longer than any real language tag ("zh-Hant-TW-u-nu-hanidec" is 23). */
    private static final int MAX_LANGUAGE_TAG = 64;
    private static final int OLDEST_CHILD = 120;

    private final LimitsConfig limits;

    RequestCheck(LimitsConfig limits) {
        this.limits = limits;
    }

    /** The request, if every field is acceptable; otherwise {@link InvalidRequest} naming each field at fault. */
    public NudgeRequest require(NudgeRequest request) {
        return require(request, problemsOf(request));
    }

    public OutcomeRequest require(OutcomeRequest outcome) {
        return require(outcome, problemsOf(outcome));
    }

    public List<FieldProblem> problemsOf(NudgeRequest request) {
        Findings found = new Findings();
        if (request == null) {
            found.add(BODY, MISSING_BODY);
            return found.problems;
        }
        CartInput cart = request.cart();
        if (found.present("cart", cart)) {
            if (found.present("cart.currency", cart.currency())) {
                found.currency("cart.currency", cart.currency());
            }
            if (found.present("cart.items", cart.items())) {
                found.entries("cart.items", cart.items());
                for (int i = 0; i < cart.items().size(); i++) {
                    String field = "cart.items[" + i + "]";
                    if (found.present(field, cart.items().get(i))) {
                        lineItem(found, field, cart.items().get(i));
                    }
                }
            }
        }
        shopper(found, request.shopper());
        context(found, request.context());
        return found.problems;
    }

    public List<FieldProblem> problemsOf(OutcomeRequest outcome) {
        Findings found = new Findings();
        if (outcome == null) {
            found.add(BODY, MISSING_BODY);
            return found.problems;
        }
        found.notBlank("decisionId", outcome.decisionId());
        found.text("decisionId", outcome.decisionId());
        if (found.present("orderTotal", outcome.orderTotal())) {
            found.amount("orderTotal", outcome.orderTotal());
        }
        if (found.present("currency", outcome.currency())) {
            found.currency("currency", outcome.currency());
        }
        if (outcome.items() != null) {
            found.entries("items", outcome.items());
            for (int i = 0; i < outcome.items().size(); i++) {
                String field = "items[" + i + "]";
                OrderLine line = outcome.items().get(i);
                if (found.present(field, line)) {
                    found.sku(field + ".sku", line.sku());
                    found.quantity(field + ".quantity", line.quantity());
                    found.price(field + ".price", line.price());
                }
            }
        }
        return found.problems;
    }

    private static void lineItem(Findings found, String field, LineItemInput item) {
        found.sku(field + ".sku", item.sku());
        found.quantity(field + ".quantity", item.quantity());
        found.price(field + ".price", item.price());
        found.text(field + ".name", item.name());
        found.text(field + ".category", item.category());
        found.text(field + ".line", item.line());
        found.texts(field + ".tags", item.tags());
    }

    private static void shopper(Findings found, ShopperInput shopper) {
        if (shopper == null) {
            return;
        }
        found.text("shopper.id", shopper.id());
        found.text("shopper.firstName", shopper.firstName());
        found.texts("shopper.segments", shopper.segments());
        found.amount("shopper.averageOrderValue", shopper.averageOrderValue());
        if (shopper.orderCount() != null && shopper.orderCount() < 0) {
            found.add("shopper.orderCount", "must be greater than or equal to 0");
        }
        found.text("shopper.size", shopper.size());
        found.texts("shopper.preferredColors", shopper.preferredColors());
        List<Integer> ages = shopper.childrenAges();
        if (ages != null) {
            found.entries("shopper.childrenAges", ages);
            for (int i = 0; i < ages.size(); i++) {
                String field = "shopper.childrenAges[" + i + "]";
                if (!found.present(field, ages.get(i))) {
                    continue;
                }
                if (ages.get(i) < 0) {
                    found.add(field, "must be greater than or equal to 0");
                }
                if (ages.get(i) > OLDEST_CHILD) {
                    found.add(field, "must be less than or equal to " + OLDEST_CHILD);
                }
            }
        }
    }

    private static void context(Findings found, ContextInput context) {
        if (context == null) {
            return;
        }
        found.text("context.channel", context.channel());
        found.text("context.country", context.country());
        found.text("context.region", context.region());
        if (context.locale() != null && !isLanguageTag(context.locale())) {
            found.add("context.locale", "must be a BCP 47 language tag, such as en-US");
        }
        found.text("context.weather", context.weather());
        found.text("context.sessionId", context.sessionId());
    }

    private static <T> T require(T request, List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        return request;
    }

    private static boolean isLanguageTag(String tag) {
        if (tag.length() > MAX_LANGUAGE_TAG) {
            return false;
        }
        try {
            return !new Locale.Builder().setLanguageTag(tag).build().getLanguage().isEmpty();
        } catch (IllformedLocaleException e) {
            return false;
        }
    }

    /**
     * The problems found so far in one request, and the check of each kind of field. A value that
     * may be left out passes when null; the checks of required fields say so where they report it.
     */
    private final class Findings {

        final List<FieldProblem> problems = new ArrayList<>(0);

        void add(String field, String message) {
            problems.add(new FieldProblem(field, message));
        }

        /** Whether the value is there; if not, the field is reported. */
        boolean present(String field, Object value) {
            if (value == null) {
                add(field, NOT_NULL);
            }
            return value != null;
        }

        /** A sku: required and not blank (null is reported as blank), and of acceptable length. */
        void sku(String field, String sku) {
            notBlank(field, sku);
            text(field, sku);
        }

        void notBlank(String field, String value) {
            // Blank is white space as Java defines it (an em space is, a NUL is not), as before.
            if (value == null || value.isBlank()) {
                add(field, NOT_BLANK);
            }
        }

        void text(String field, String value) {
            if (value != null && value.length() > limits.textLength()) {
                add(field, "must be at most " + limits.textLength() + " characters");
            }
        }

        /** A list of texts: its length, then each entry. */
        void texts(String field, List<String> values) {
            if (values != null) {
                entries(field, values);
                for (int i = 0; i < values.size(); i++) {
                    String entry = field + "[" + i + "]";
                    if (present(entry, values.get(i))) {
                        text(entry, values.get(i));
                    }
                }
            }
        }

        /** A list's length; its entries are checked all the same (the body size limit bounds them). */
        void entries(String field, List<?> values) {
            if (values.size() > limits.items()) {
                add(field, "must hold at most " + limits.items() + " entries");
            }
        }

        /** Required, and within the configured range. */
        void quantity(String field, Integer quantity) {
            if (present(field, quantity) && (quantity < 1 || quantity > limits.quantity())) {
                add(field, "must be a whole number from 1 to " + limits.quantity());
            }
        }

        /** Required, and an acceptable amount. */
        void price(String field, BigDecimal price) {
            if (present(field, price)) {
                amount(field, price);
            }
        }

        /**
         * Cheap checks only: a value like 1e-999999999 must be refused before anything rounds it,
         * and so must 0E-999999999, a zero whose scale alone would make any later sum enormous.
         */
        void amount(String field, BigDecimal amount) {
            if (amount == null) {
                return;
            }
            boolean inRange = amount.signum() >= 0 && amount.compareTo(limits.amount()) <= 0;
            boolean plainScale = Math.abs(amount.scale()) <= MAX_WRITTEN_SCALE;
            if (!(inRange && plainScale && amount.stripTrailingZeros().scale() <= limits.decimals())) {
                add(field, "must be a number from 0 to " + limits.amount().toPlainString()
                        + " with at most " + limits.decimals() + " decimal places");
            }
        }

        void currency(String field, String code) {
            if (Money.currencyOrNull(code) == null) {
                add(field, "must be the ISO 4217 code of a currency in use, such as USD, EUR or JPY");
            }
        }
    }
}
