package io.nudge.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Comparator;
import java.util.List;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.nudge.access.TokenAuthentication;
import io.nudge.request.InvalidRequest;
import io.nudge.request.RequestCheck;
import io.nudge.catalog.NoCatalog;
import io.nudge.rules.NoRuleBook;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Maps every failure to an application/problem+json answer that names the field at fault.
 * Messages are written here, never copied from an exception, so no class name reaches a client.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String BODY = RequestCheck.BODY;

    @ServerExceptionMapper
    public Response invalidFields(InvalidRequest e) {
        List<Problem.FieldError> errors = e.problems().stream()
                .map(problem -> new Problem.FieldError(problem.field(), problem.message()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        return Problem.invalid(errors.size() == 1 ? errors.get(0).field() + " " + errors.get(0).message()
                : errors.size() + " fields are invalid", errors).toResponse();
    }

    // Quarkus maps MismatchedInputException itself; naming the type here makes this mapper win.
    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
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
        String message = messageOf(cause);
        return Problem.invalid(field + " " + message, List.of(new Problem.FieldError(field, message))).toResponse();
    }

    @ServerExceptionMapper
    public Response notJson(NotSupportedException e) {
        return Problem.ofStatus(415, "the body must be JSON, sent with Content-Type: application/json").toResponse();
    }

    // Authentication is lazy (quarkus.http.auth.proactive=false), so refusals arrive here as exceptions.
    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated() {
        return Response.fromResponse(Problem.ofStatus(401, "this needs credentials: the admin token as Authorization: Bearer,"
                + " or a storefront key as X-Api-Key").toResponse()).header(HttpHeaders.WWW_AUTHENTICATE, TokenAuthentication.CHALLENGE).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.ofStatus(403, "these credentials do not allow this").toResponse();
    }

    @ServerExceptionMapper
    public Response noRuleBook(NoRuleBook e) {
        return Response.fromResponse(Problem.ofStatus(503, "no rule book serves yet: " + e.getMessage()).toResponse())
                .header(HttpHeaders.RETRY_AFTER, "30").build();
    }

    @ServerExceptionMapper
    public Response noCatalog(NoCatalog e) {
        return Response.fromResponse(Problem.ofStatus(503, "no catalog serves yet: " + e.getMessage()).toResponse())
                .header(HttpHeaders.RETRY_AFTER, "30").build();
    }

    @ServerExceptionMapper
    public Response httpError(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableJson(unreadable);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        return Problem.ofStatus(status, null).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("Request failed", e);
        return Problem.ofStatus(500, "an unexpected error occurred; it has been logged").toResponse();
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
