package io.nudge.api;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Answers an oversized body with a 413 problem. Vert.x refuses such bodies before any
 * JAX-RS code runs, with an empty answer; this puts the problem document in its place.
 */
@ApplicationScoped
public class BodyLimit {

    private final long maxBytes;
    private final byte[] problem;
    private final BodyHandler boundedRead;

    BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize, ObjectMapper json)
            throws JsonProcessingException {
        this.maxBytes = maxBodySize.asLongValue();
        this.problem = json.writeValueAsBytes(new Problem("urn:nudge:problem:body-too-large", "The body is too large", 413,
                "the body must be at most " + maxBytes + " bytes", List.of()));
        this.boundedRead = BodyHandler.create(false).setBodyLimit(maxBytes);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::refuseDeclaredOversize);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::explainOversize);
    }

    private void refuseDeclaredOversize(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null && carriesBody(ctx.request().method())) {
            // No declared size: read the body here, bounded, so an overflow fails into the handler below.
            boundedRead.handle(ctx);
        } else if (length != null && length.length() < 19 && length.chars().allMatch(Character::isDigit)
                && Long.parseLong(length) > maxBytes) {
            respond(ctx);
        } else {
            ctx.next();
        }
    }

    private static boolean carriesBody(HttpMethod method) {
        return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
    }

    private void explainOversize(RoutingContext ctx) {
        if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
            respond(ctx);
        } else {
            ctx.next();
        }
    }

    private void respond(RoutingContext ctx) {
        ctx.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(Buffer.buffer(problem));
    }
}
