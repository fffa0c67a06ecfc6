package io.nudge.api;

import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.nudge.access.Roles;
import io.nudge.decision.Decision;
import io.nudge.request.NudgeRequest;
import io.nudge.request.RequestCheck;
import io.quarkus.vertx.http.security.AuthorizationPolicy;
import io.smallrye.common.annotation.NonBlocking;

@Path("/v1/nudges")
@AuthorizationPolicy(name = Roles.STOREFRONT_POLICY)
public class NudgeResource {

    private final NudgeService nudges;
    private final RequestCheck requests;

    NudgeResource(NudgeService nudges, RequestCheck requests) {
        this.nudges = nudges;
        this.requests = requests;
    }

    // Validation runs on the I/O thread; the rules run on a worker with a deadline (NudgeService).
    @NonBlocking
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The nudges worth showing for a cart")
    @APIResponse(responseCode = "200", description = "The nudges, highest priority first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Decision.class)))
    @APIResponse(responseCode = "400", description = "Invalid content: each field at fault is named in errors",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than quarkus.http.limits.max-body-size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The body is not sent as application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CompletionStage<Decision> decide(NudgeRequest request,
            @QueryParam("explain") @Parameter(description = "Add an explanation: rules fired, facts matched, nudges dropped and why")
            boolean explain) {
        return nudges.decide(requests.require(request), explain);
    }
}
