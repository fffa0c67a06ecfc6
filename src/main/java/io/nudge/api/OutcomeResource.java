package io.nudge.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.nudge.access.Roles;
import io.nudge.lift.Lift;
import io.nudge.request.OutcomeRequest;
import io.nudge.request.RequestCheck;
import io.quarkus.vertx.http.security.AuthorizationPolicy;
import io.smallrye.common.annotation.NonBlocking;

@Path("/v1/outcomes")
@AuthorizationPolicy(name = Roles.STOREFRONT_POLICY)
public class OutcomeResource {

    private final Lift lift;
    private final RequestCheck requests;

    OutcomeResource(Lift lift, RequestCheck requests) {
        this.lift = lift;
        this.requests = requests;
    }

    @NonBlocking
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report the order that followed a decision, so the lift of each rule can be measured",
            description = "202 once recorded; 400 problem+json naming each invalid field. Unknown fields are ignored.")
    public Response ordered(OutcomeRequest outcome) {
        lift.ordered(requests.require(outcome));
        return Response.accepted().build();
    }
}
