package io.nudge.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.vertx.http.security.AuthorizationPolicy;
import io.smallrye.common.annotation.NonBlocking;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.nudge.access.Roles;
import io.nudge.decision.Decided;
import io.nudge.decision.Decision;
import io.nudge.decision.NudgeRequest;
import io.nudge.decision.DecisionEngine;
import io.nudge.lift.Lift;
import io.nudge.rules.ActiveRules;

@Path("/v1/nudges")
@AuthorizationPolicy(name = Roles.STOREFRONT_POLICY)
public class NudgeResource {

    private final ActiveRules rules;
    private final DecisionEngine engine;
    private final Lift lift;

    NudgeResource(ActiveRules rules, DecisionEngine engine, Lift lift) {
        this.rules = rules;
        this.engine = engine;
        this.lift = lift;
    }

    // A decision is a few dozen microseconds of CPU and never blocks: it runs on the I/O thread
    // rather than paying a hop to a worker.
    @NonBlocking
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The nudges worth showing for a cart",
            description = "Bad input gets an application/problem+json 400 naming each field; 413 for an oversized body, 415 for a body that is not JSON.")
    public Decision decide(@NotNull(message = "a JSON body is required") @Valid NudgeRequest request,
            @QueryParam("explain") @Parameter(description = "Add an explanation: rules fired, facts matched, nudges dropped and why")
            boolean explain) {
        long start = System.nanoTime();
        Decided decided = engine.run(rules.current(), request, explain);
        lift.decided(decided, System.nanoTime() - start);
        return decided.decision();
    }
}
