package io.nudge.api;

import java.util.Comparator;
import java.util.List;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.nudge.access.TokenAuthentication;
import io.nudge.request.FieldProblem;
import io.nudge.request.InvalidRequest;
import io.nudge.catalog.LocalPaths;
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
        FieldProblem problem = FieldProblem.of(e);
        return Problem.invalid(problem.field() + " " + problem.message(), List.of(new Problem.FieldError(problem.field(), problem.message())))
                .toResponse();
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
        // A storefront is told why, not where the server keeps its feeds.
        return Response.fromResponse(Problem.ofStatus(503, "no catalog serves yet: " + LocalPaths.hidden(e.getMessage())).toResponse())
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
}
