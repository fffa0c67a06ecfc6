package io.nudge.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.common.annotation.NonBlocking;

import io.nudge.request.NudgeRequest;
import io.quarkus.arc.profile.IfBuildProfile;

/**
 * Parses a cart and writes it back, deciding nothing: the floor bench/endpoint holds
 * POST /v1/nudges against. Built only into the bench profile, never into production.
 */
@IfBuildProfile("bench")
@Path("/bench/echo")
public class EchoResource {

    @NonBlocking
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public NudgeRequest echo(NudgeRequest request) {
        return request;
    }
}
