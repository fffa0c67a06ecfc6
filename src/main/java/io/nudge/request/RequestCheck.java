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
            found.at("cart");
            if (found.present("currency", cart.currency())) {
                found.currency("currency", cart.currency());
            }
            if (found.present("items", cart.items())) {
                found.entries("items", cart.items());
                for (int i = 0; i < cart.items().size(); i++) {
                    LineItemInput item = cart.items().get(i);
                    if (item == null) {
                        found.addEntry("items", i, NOT_NULL);
                    } else {
                        found.at("cart.items[" + i + "]");
                        lineItem(found, item);
                        found.at("cart");
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
                OrderLine line = outcome.items().get(i);
                if (line == null) {
                    found.addEntry("items", i, NOT_NULL);
                } else {
                    found.at("items[" + i + "]");
                    found.sku("sku", line.sku());
                    found.quantity("quantity", line.quantity());
                    found.price("price", line.price());
                    found.at("");
                }
            }
        }
        return found.problems;
    }

    private static void lineItem(Findings found, LineItemInput item) {
        found.sku("sku", item.sku());
        found.quantity("quantity", item.quantity());
        found.price("price", item.price());
        found.text("name", item.name());
        found.text("category", item.category());
        found.text("line", item.line());
        found.texts("tags", item.tags());
    }

    private static void shopper(Findings found, ShopperInput shopper) {
        if (shopper == null) {
            return;
        }
        found.at("shopper");
        found.text("id", shopper.id());
        found.text("firstName", shopper.firstName());
        found.texts("segments", shopper.segments());
        found.amount("averageOrderValue", shopper.averageOrderValue());
        if (shopper.orderCount() != null && shopper.orderCount() < 0) {
            found.add("orderCount", "must be greater than or equal to 0");
        }
        found.text("size", shopper.size());
        found.texts("preferredColors", shopper.preferredColors());
        List<Integer> ages = shopper.childrenAges();
        if (ages != null) {
            found.entries("childrenAges", ages);
            for (int i = 0; i < ages.size(); i++) {
                Integer age = ages.get(i);
                if (age == null) {
                    found.addEntry("childrenAges", i, NOT_NULL);
                } else if (age < 0) {
                    found.addEntry("childrenAges", i, "must be greater than or equal to 0");
                } else if (age > OLDEST_CHILD) {
                    found.addEntry("childrenAges", i, "must be less than or equal to " + OLDEST_CHILD);
                }
            }
        }
    }

    private static void context(Findings found, ContextInput context) {
        if (context == null) {
            return;
        }
        found.at("context");
        found.text("channel", context.channel());
        found.text("country", context.country());
        found.text("region", context.region());
        if (context.locale() != null && !isLanguageTag(context.locale())) {
            found.add("locale", "must be a BCP 47 language tag, such as en-US");
        }
        found.text("weather", context.weather());
        found.text("sessionId", context.sessionId());
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
     * The problems found so far in one request, and the check of each kind of field. Checks name a
     * field of the object they are {@link #at}; its path ({@code cart.items[0].price}) is built only
     * for a problem, as most requests have none. A value that may be left out passes when null;
     * the checks of required fields say so where they report it.
     */
    private final class Findings {

        final List<FieldProblem> problems = new ArrayList<>(0);
        /** The path of the object whose fields are checked now; empty for the body's own fields. */
        private String at = "";

        void at(String object) {
            at = object;
        }

        void add(String field, String message) {
            problems.add(new FieldProblem(at.isEmpty() ? field : at + "." + field, message));
        }

        /** A problem with entry {@code index} of the list in {@code field}. */
        void addEntry(String field, int index, String message) {
            add(field + "[" + index + "]", message);
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
                add(field, tooLong());
            }
        }

        private String tooLong() {
            return "must be at most " + limits.textLength() + " characters";
        }

        /** A list of texts: its length, then each entry. */
        void texts(String field, List<String> values) {
            if (values == null) {
                return;
            }
            entries(field, values);
            for (int i = 0; i < values.size(); i++) {
                String value = values.get(i);
                if (value == null) {
                    addEntry(field, i, NOT_NULL);
                } else if (value.length() > limits.textLength()) {
                    addEntry(field, i, tooLong());
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
