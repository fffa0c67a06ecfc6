package io.nudge.request;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A field of a request, as a path such as {@code cart.items[0].price}, and what is wrong with it. */
public record FieldProblem(String field, String message) {

    private static final String BODY = RequestCheck.BODY;

    /** What a body that cannot be read as a request gets wrong, in words written here: no class name. */
    public static FieldProblem of(JsonProcessingException e) {
        // Binding wraps the parser's own error (a duplicate key, an integer out of range): report the latter.
        JsonProcessingException cause = e;
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException inner) {
                cause = inner;
            }
        }
        // An integer out of range belongs to a field; a syntax error belongs to the body, at a line and column.
        String field = cause instanceof InputCoercionException && cause.getProcessor() instanceof JsonParser parser
                ? fieldOf(parser.getParsingContext())
                : cause instanceof JsonMappingException ? fieldOf(e) : BODY;
        return new FieldProblem(field, messageOf(cause));
    }

    private static String fieldOf(JsonProcessingException e) {
        StringBuilder field = new StringBuilder();
        if (e instanceof JsonMappingException mapping
                && !(mapping.getPath().isEmpty() || mapping.getPath().get(0).getFieldName() == null)) {
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    field.append(field.length() == 0 ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    field.append('[').append(ref.getIndex()).append(']');
                }
            }
        }
        return field.length() == 0 ? BODY : field.toString();
    }

    /** The path of the value the parser stopped at. */
    private static String fieldOf(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            }
        }
        String field = String.join("", parts);
        return field.isEmpty() ? BODY : field.startsWith(".") ? field.substring(1) : field;
    }

    private static String messageOf(JsonProcessingException e) {
        if (e instanceof InputCoercionException) {
            return "is out of range for a whole number";
        }
        if (e instanceof StreamConstraintsException) {
            // Jackson names its own settings at the end of the message; the limit itself is what matters.
            return "exceeds a limit: " + e.getOriginalMessage().replaceAll(", from `[^`]*`", "");
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + describe(mismatch.getTargetType());
        }
        if (e instanceof JsonMappingException) {
            return "has a value of the wrong type";
        }
        JsonLocation at = e.getLocation();
        // Jackson may describe where an object started by its source: only the line and column are ours to give.
        String what = e.getOriginalMessage().replaceAll("\\s*\\(for \\w+ starting at \\[Source:[^\\]]*]\\)", "")
                .replaceAll("\\[Source:[^\\]]*]", "");
        return "is not valid JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ": " + what;
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == BigDecimal.class || type == double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date and time such as 2026-11-23T10:00:00Z";
        }
        return "an object";
    }
}
