package io.nudge.request;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.IllformedLocaleException;
import java.util.Locale;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Provider;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import io.nudge.money.Money;

/** Checks an {@link Accepts} field against the configured limits, with a message that states the limit. */
@Dependent
public class AcceptsValidator implements ConstraintValidator<Accepts, Object> {

    /** JSON numbers are at most 1000 characters long, so a larger scale can only come from an exponent. */
    private static final int MAX_WRITTEN_SCALE = 1000;
    /** Longer than any real language tag ("zh-Hant-TW-u-nu-hanidec" is 23). */
    private static final int MAX_LANGUAGE_TAG = 64;

    // Validators are built during static init, before runtime configuration exists: resolve it on first use.
    private final Provider<LimitsConfig> limitsConfig;
    private LimitsConfig limits;
    private Accepts.Input input;

    AcceptsValidator(Provider<LimitsConfig> limitsConfig) {
        this.limitsConfig = limitsConfig;
    }

    @Override
    public void initialize(Accepts accepts) {
        this.input = accepts.value();
    }

    @Override
    public boolean isValid(Object value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        if (limits == null) {
            limits = limitsConfig.get();
        }
        String problem = switch (input) {
            case TEXT -> value.toString().length() <= limits.textLength() ? null
                    : "must be at most " + limits.textLength() + " characters";
            case AMOUNT -> amountProblem((BigDecimal) value);
            case QUANTITY -> ((Integer) value) >= 1 && ((Integer) value) <= limits.quantity() ? null
                    : "must be a whole number from 1 to " + limits.quantity();
            case ITEMS -> ((Collection<?>) value).size() <= limits.items() ? null
                    : "must hold at most " + limits.items() + " entries";
            case CURRENCY -> Money.currencyOrNull(value.toString()) != null ? null
                    : "must be the ISO 4217 code of a currency in use, such as USD, EUR or JPY";
            case LANGUAGE_TAG -> isLanguageTag(value.toString()) ? null
                    : "must be a BCP 47 language tag, such as en-US";
        };
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
        return false;
    }

    /**
     * Cheap checks only: a value like 1e-999999999 must be refused before anything rounds it,
     * and so must 0E-999999999, a zero whose scale alone would make any later sum enormous.
     */
    private String amountProblem(BigDecimal amount) {
        boolean inRange = amount.signum() >= 0 && amount.compareTo(limits.amount()) <= 0;
        boolean plainScale = Math.abs(amount.scale()) <= MAX_WRITTEN_SCALE;
        if (inRange && plainScale && amount.stripTrailingZeros().scale() <= limits.decimals()) {
            return null;
        }
        return "must be a number from 0 to " + limits.amount().toPlainString()
                + " with at most " + limits.decimals() + " decimal places";
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
}
