package io.nudge.request;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** The field holds a value of this kind, within the configured limits ({@code nudge.limits.*}); null passes. */
@Documented
@Constraint(validatedBy = AcceptsValidator.class)
@Target({ FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
public @interface Accepts {

    Input value();

    String message() default "is not acceptable";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    enum Input {
        /** A string of at most {@code text-length} characters. */
        TEXT,
        /** Money: from 0 to {@code amount}, with at most {@code decimals} decimal places. */
        AMOUNT,
        /** A whole number from 1 to {@code quantity}. */
        QUANTITY,
        /** A list of at most {@code items} entries. */
        ITEMS,
        /** The ISO 4217 code of a currency in use. */
        CURRENCY,
        /** A well-formed BCP 47 language tag. */
        LANGUAGE_TAG
    }
}
